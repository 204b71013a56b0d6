/** Phone, laptop and projector sizes (issue 12): nothing scrolls the page sideways, and the verdicts are in sight. */
import { expect, test } from '@playwright/test';
import { fillTinySweep, openLab, sidewaysOverflow, trainQuick } from './helpers';

const SIZES = [
  { name: 'small phone', width: 360, height: 740 },
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'projector', width: 1920, height: 1080 },
] as const;

for (const size of SIZES) {
  test(`${size.name} (${size.width} × ${size.height}): the reference results fit, their verdicts are in sight, and the lecture view fits`, async ({ page }) => {
    await page.setViewportSize(size);
    await openLab(page);
    expect(await sidewaysOverflow(page)).toBe(0);
    await page.getByRole('button', { name: /seeded random ties/ }).click();
    const table = page.getByTestId('sweep-table');
    await expect(table).toBeVisible();
    expect(await sidewaysOverflow(page)).toBe(0);
    // The chart's axis title is whole: inside the chart, not cut at its right edge.
    const chart = page.getByTestId('sweep-chart');
    const xTitle = await chart.locator('.recharts-label', { hasText: 'most important first' }).boundingBox();
    const chartBox = await chart.boundingBox();
    expect(xTitle!.x).toBeGreaterThanOrEqual(chartBox!.x);
    expect(xTitle!.x + xTitle!.width).toBeLessThanOrEqual(chartBox!.x + chartBox!.width);

    // A summary of the verdicts at the top of the page, linking down to the evidence.
    const summary = page.getByTestId('verdict-summary');
    await expect(summary).toContainText('Integrated Gradients better than random');
    expect((await summary.boundingBox())!.y).toBeLessThan(size.height);
    await summary.getByRole('link', { name: 'See the evidence' }).click();
    await expect(page.getByTestId('sweep-results')).toBeInViewport();

    // The table scrolls in its own labelled, focusable region; from a laptop up it needs no scrolling at all.
    const region = page.getByRole('region', { name: 'Accuracy per method and threshold' });
    await expect(region).toHaveAttribute('tabindex', '0');
    const fit = await region.evaluate((el) => el.scrollWidth - el.clientWidth);
    if (size.width >= 1280) {
      expect(fit).toBe(0);
      await table.locator('tr[data-method=gradient] td.verdict').scrollIntoViewIfNeeded();
      await expect(table.locator('tr[data-method=gradient] td.verdict')).toBeInViewport();
    } else {
      // On a phone the region scrolls by keyboard to its last column.
      await region.focus();
      await page.keyboard.press('End');
      for (let i = 0; i < 30; i++) await page.keyboard.press('ArrowRight');
      expect(await region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    }

    // The chart's key sits below the plot, never on it.
    // (Both measured at once: the page may still be scrolling.)
    const [plotBottom, keyTop] = await page.getByTestId('sweep-chart').evaluate((el) => [el.querySelector('.recharts-wrapper')!.getBoundingClientRect().bottom, el.querySelector('[data-testid=chart-legend]')!.getBoundingClientRect().top]);
    expect(keyTop).toBeGreaterThanOrEqual(plotBottom - 1);

    // The lecture view in this size (and, on a phone, turned to landscape).
    await page.getByRole('button', { name: 'Lecture view' }).click();
    const lecture = page.getByTestId('lecture-view');
    await expect(lecture.getByTestId('lecture-chart')).toBeVisible();
    expect(await lecture.evaluate((el) => el.scrollWidth - el.clientWidth)).toBe(0);
    if (size.width < 400) {
      await page.setViewportSize({ width: size.height, height: size.width });
      await expect(lecture.getByTestId('lecture-chart')).toBeVisible();
      expect(await lecture.evaluate((el) => el.scrollWidth - el.clientWidth)).toBe(0);
      expect((await lecture.getByTestId('lecture-chart').boundingBox())!.height).toBeGreaterThan(200);
    }
  });
}

test('on a phone a student trains, steps through the gallery’s thresholds, enlarges a cell and runs a sweep, never scrolling sideways', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openLab(page);
  await trainQuick(page);
  expect(await sidewaysOverflow(page)).toBe(0);

  const g = page.getByRole('region', { name: /Explore attribution maps/ });
  await g.locator('input[name=gallery-thresholds]').fill('0, 50, 90');
  await g.getByRole('button', { name: 'Show maps' }).click();
  const digit = g.getByTestId('gallery-digit').first();
  await expect(digit.getByTestId('gallery-cell').first()).toBeVisible();
  expect(await sidewaysOverflow(page)).toBe(0);
  // One threshold at a time, with visible buttons to step through them.
  const column = digit.getByTestId('gallery-column');
  await expect(column).toHaveText('remove 0 % (1 of 3)');
  await expect(digit.locator('[data-testid=gallery-cell][data-threshold="0.5"]').first()).toBeHidden();
  await digit.getByRole('button', { name: 'Next threshold' }).click();
  await expect(column).toHaveText('remove 50 % (2 of 3)');
  const cell = digit.locator('[data-testid=gallery-cell][data-threshold="0.5"]').first();
  await expect(cell).toBeVisible();
  // A tap enlarges the pair; images are 84 px, enlarged wider than that, still inside the screen.
  const before = (await cell.locator('canvas').first().boundingBox())!;
  expect(before.width).toBeGreaterThanOrEqual(84);
  await cell.locator('canvas').nth(1).click();
  const after = (await cell.locator('canvas').first().boundingBox())!;
  expect(after.width).toBeGreaterThan(before.width * 1.5);
  expect(await sidewaysOverflow(page)).toBe(0);
  // The pixel readout by keyboard: focus a map and move with the arrows.
  await cell.locator('canvas').first().focus();
  await page.keyboard.press('ArrowUp');
  await expect(digit.getByTestId('gallery-readout').first()).toHaveText(/^row 13, col 14: /);

  await fillTinySweep(page);
  await page.getByRole('button', { name: 'Run sweep' }).click();
  await expect(page.getByTestId('sweep-stage')).toBeVisible();
  expect(await sidewaysOverflow(page)).toBe(0);
  await expect(page.getByRole('button', { name: 'Run sweep' })).toBeVisible({ timeout: 150_000 });
  await expect(page.getByTestId('verdict-summary')).toBeVisible();
  expect(await sidewaysOverflow(page)).toBe(0);
});
