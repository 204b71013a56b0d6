import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { fillTinySweep, fillTraining, openLab } from './helpers';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Clicks `name` and returns the file the page saved, with the name it suggested. */
async function download(page: Page, scope: ReturnType<Page['getByTestId']>, name: string): Promise<{ file: string; bytes: Buffer }> {
  const [d] = await Promise.all([page.waitForEvent('download'), scope.getByRole('button', { name }).click()]);
  return { file: d.suggestedFilename(), bytes: await readFile((await d.path())!) };
}

/** A PNG's size from its IHDR chunk, which always comes first. */
const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

test('the chart and the gallery download as files, and the lecture view steps through thresholds and methods', async ({ page }) => {
  await openLab(page);
  const lectureButton = page.getByRole('button', { name: 'Lecture view' });
  const lecture = page.getByTestId('lecture-view');

  // Before anything is computed, the lecture view says what to do.
  await lectureButton.click();
  await expect(lecture.getByTestId('lecture-no-sweep')).toBeVisible();
  await expect(lecture.getByTestId('lecture-no-gallery')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(lecture).toHaveCount(0);

  // A quick model and a gallery of gradient and random at 0, 50 and 90 %.
  await fillTraining(page, { trainSize: 6000, testSize: 1000, epochs: 1, learningRate: 0.01 });
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('test-accuracy')).toBeVisible({ timeout: 120_000 });
  const gallery = page.getByRole('region', { name: /Explore attribution maps/ });
  for (const m of [/^Integrated Gradients/, /^Guided Backprop/, /^SmoothGrad²/]) await gallery.getByRole('checkbox', { name: m }).uncheck();
  await gallery.locator('input[name=gallery-thresholds]').fill('0, 50, 90');
  await gallery.getByRole('button', { name: 'Show maps' }).click();
  await expect(gallery.getByTestId('gallery-cell')).toHaveCount(6);

  // The tiny sweep of sweep.spec.ts: gradient vs random, 1 seed, a few hundred images.
  const sweep = page.getByRole('region', { name: /Remove and retrain/ });
  await sweep.getByRole('checkbox', { name: 'Integrated Gradients' }).uncheck();
  await fillTinySweep(page);
  await sweep.getByRole('button', { name: 'Run sweep' }).click();
  await expect(page.getByTestId('sweep-chart')).toHaveAttribute('data-runs', '5', { timeout: 120_000 });
  await expect(sweep.getByRole('button', { name: 'Run sweep' })).toBeVisible();

  // The chart as SVG: a well-formed standalone document with its legend.
  const chartExport = page.getByTestId('chart-export');
  const svg = await download(page, chartExport, 'Download SVG');
  expect(svg.file).toMatch(/^roar-lab-chart-\d{4}-\d{2}-\d{2}\.svg$/);
  const text = svg.bytes.toString('utf8');
  expect(text.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  for (const label of ['>Gradient</text>', '>Random</text>', 'no retraining', 'Custom sweep']) expect(text).toContain(label);
  const parsed = await page.evaluate((s) => {
    const doc = new DOMParser().parseFromString(s, 'image/svg+xml');
    return { error: doc.querySelector('parsererror')?.textContent ?? null, paths: doc.querySelectorAll('path').length };
  }, text);
  expect(parsed.error).toBeNull();
  expect(parsed.paths).toBeGreaterThan(4);

  // The chart as PNG, at twice the SVG's size.
  const png = await download(page, chartExport, 'Download PNG');
  expect(png.file).toMatch(/^roar-lab-chart-\d{4}-\d{2}-\d{2}\.png$/);
  expect(png.bytes.subarray(0, 8)).toEqual(PNG_SIGNATURE);
  const svgWidth = Number(text.match(/^<svg[^>]* width="(\d+)"/)![1]);
  expect(pngSize(png.bytes).width).toBe(2 * svgWidth);

  // The gallery as PNG: 2 methods × 3 thresholds with labels, at 2×.
  const galleryPng = await download(page, gallery.getByTestId('gallery-export'), 'Download PNG');
  expect(galleryPng.file).toMatch(/^roar-lab-gallery-\d{4}-\d{2}-\d{2}\.png$/);
  expect(galleryPng.bytes.subarray(0, 8)).toEqual(PNG_SIGNATURE);
  const size = pngSize(galleryPng.bytes);
  expect(size.width).toBeGreaterThanOrEqual(1200);
  expect(size.height).toBeGreaterThan(500);
  expect(galleryPng.bytes.length).toBeGreaterThan(20_000);

  // The lecture view: → → moves to 90 %, ↓ to the next method, on the chart and in the gallery.
  await lectureButton.click();
  await expect(lecture).toHaveAttribute('data-threshold', '0');
  await expect(lecture).toHaveAttribute('data-method', 'gradient');
  const chart = lecture.getByTestId('lecture-chart');
  await expect(chart).toHaveAttribute('data-highlight', 'gradient');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  await expect(lecture).toHaveAttribute('data-threshold', '0.9');
  await expect(lecture).toHaveAttribute('data-method', 'random');
  await expect(chart).toHaveAttribute('data-threshold', '0.9');
  await expect(chart).toHaveAttribute('data-highlight', 'random');
  await expect(chart.locator('.recharts-reference-line')).toHaveCount(1);
  await expect(lecture.getByTestId('lecture-column')).toHaveAttribute('data-threshold', '0.9');
  await expect(lecture.getByTestId('lecture-row')).toHaveAttribute('data-method', 'random');
  await expect(lecture.getByTestId('lecture-threshold')).toHaveText('90 % removed');
  // At the end of the list the on-screen "next" buttons are disabled; "previous" steps back.
  await expect(lecture.getByRole('button', { name: 'Next threshold' })).toBeDisabled();
  await lecture.getByRole('button', { name: 'Previous method' }).click();
  await expect(lecture).toHaveAttribute('data-method', 'gradient');

  await page.keyboard.press('?');
  await expect(lecture.getByTestId('lecture-help')).toBeVisible();
  await page.keyboard.press('?');
  await expect(lecture.getByTestId('lecture-help')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(lecture).toHaveCount(0);
  await expect(lectureButton).toBeFocused();
});
