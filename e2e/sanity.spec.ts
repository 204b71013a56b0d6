/**
 * The sanity checks in step 4, as a student runs them after a quick base model: gradient's maps lose their
 * likeness to the trained model's as layers are re-initialised, random's keep it, and the maps of each stage
 * are there to look at.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { openLab, trainQuick } from './helpers';

test('the sanity checks: a curve per method, a table per stage, the maps of each stage', async ({ page }) => {
  await openLab(page);
  const panel = page.getByRole('region', { name: 'Sanity checks' });
  await expect(panel.getByRole('button', { name: 'Run the sanity checks' })).toBeDisabled();
  await panel.locator('input[name=sanity-images]').fill('0');
  await expect(panel).toContainText('Test images: a whole number from 1 to 1000');
  await trainQuick(page);
  await panel.locator('input[name=sanity-images]').fill('12');
  await panel.getByRole('button', { name: 'Run the sanity checks' }).click();
  await expect(panel.getByTestId('sanity-results')).toBeVisible({ timeout: 120_000 });

  // Nothing for axe to find in the results (issue 12's rule for every state).
  expect((await new AxeBuilder({ page }).include('main > section:last-of-type').analyze()).violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  const table = panel.getByTestId('sanity-table');
  await expect(table.locator('tbody tr')).toHaveCount(3);
  const cells = async (method: string): Promise<number[]> => (await table.locator('tbody tr', { hasText: method }).first().locator('td').allTextContents()).map((t) => Number(t.replace('*', '')));
  const gradient = await cells('Gradient');
  const random = await cells('Random');
  // Trained against itself: 1. Down to conv1 (the sixth column): gradient well below, random unchanged.
  expect(gradient[0]).toBeCloseTo(1, 5);
  expect(gradient[5]).toBeLessThan(0.9);
  expect(random.every((r) => Math.abs(r - 1) < 1e-6)).toBe(true);
  await expect(panel.locator('[data-testid=sanity-chart] .recharts-line')).toHaveCount(3);
  // Four images × six networks of maps, for the method chosen.
  await expect(panel.getByTestId('sanity-maps').locator('canvas')).toHaveCount(24);
  await panel.getByRole('combobox', { name: 'Method whose maps are shown' }).selectOption({ label: 'Random' });
  await expect(panel.getByTestId('sanity-maps').locator('canvas').first()).toHaveAttribute('aria-label', /test image 0, trained/);
});
