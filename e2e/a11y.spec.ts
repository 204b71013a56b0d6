/** axe on every state a newcomer meets (issue 12), skip links to the three steps, and the lecture dialog keeps focus. */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { fillTinySweep, openLab, trainQuick } from './helpers';

async function expectNoViolations(page: Page, state: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const found = violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  expect(found, state).toEqual([]);
}

test('axe finds nothing on the first visit, after training, with maps, during and after a sweep, in the lecture view and on a results link', async ({ page }) => {
  await openLab(page);
  await expectNoViolations(page, 'first visit');

  // Skip links: the first Tab reaches them, and each leads to its step.
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: '1 · Train' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: '2 · Explore maps' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: '3 · Remove and retrain' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#sweep-heading')).toBeInViewport();

  await trainQuick(page);
  await expectNoViolations(page, 'trained');

  const g = page.getByRole('region', { name: /Explore attribution maps/ });
  await g.locator('input[name=gallery-thresholds]').fill('0, 50, 90');
  await g.getByRole('button', { name: 'Show maps' }).click();
  await expect(g.getByTestId('gallery-cell').first()).toBeVisible();
  await expectNoViolations(page, 'gallery');

  await fillTinySweep(page);
  await page.getByRole('button', { name: 'Run sweep' }).click();
  await expect(page.getByTestId('sweep-stage')).toBeVisible();
  await expectNoViolations(page, 'sweep running');
  await expect(page.getByRole('button', { name: 'Run sweep' })).toBeVisible({ timeout: 150_000 });
  await expectNoViolations(page, 'sweep done');

  // The lecture dialog: no violations, and Tab never leaves it.
  await page.getByRole('button', { name: 'Lecture view' }).click();
  const lecture = page.getByTestId('lecture-view');
  await expect(lecture.getByTestId('lecture-chart')).toBeVisible();
  await expectNoViolations(page, 'lecture view');
  for (let i = 0; i < 25; i++) {
    await page.keyboard.press('Tab');
    expect(await lecture.evaluate((el) => el.contains(document.activeElement)), `Tab ${i + 1}`).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(lecture).toHaveCount(0);

  // A results link, opened in a fresh page.
  await page.getByRole('button', { name: 'Copy link with results' }).click();
  const link = await page.getByTestId('share-link').inputValue();
  const other = await page.context().newPage();
  await other.goto(link);
  await expect(other.getByTestId('share-message')).toContainText('Opened');
  await expectNoViolations(other, 'results link');
});

test('the check itself finds a violation where there is one', async ({ page }) => {
  await page.setContent('<!doctype html><html lang="en"><head><title>t</title></head><body><main><img src="data:,"><button></button></main></body></html>');
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => v.id)).toEqual(expect.arrayContaining(['image-alt', 'button-name']));
});
