import { expect, type Page } from '@playwright/test';

/** Opens the lab and waits until the backend and MNIST are ready. */
export async function openLab(page: Page, query = ''): Promise<void> {
  await page.goto(`/${query}`);
  await expect(page.getByTestId('data-status')).toContainText('60,000 train / 10,000 test', { timeout: 90_000 });
  await expect(page.getByTestId('backend')).not.toContainText('starting');
}

export async function fillTraining(page: Page, values: Record<string, string | number>): Promise<void> {
  for (const [name, value] of Object.entries(values)) await page.fill(`input[name=${name}]`, String(value));
}

/** A quick base model: enough to show maps, in a few seconds. */
export async function trainQuick(page: Page): Promise<void> {
  await fillTraining(page, { trainSize: 3000, testSize: 500, epochs: 1, learningRate: 0.01 });
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('test-accuracy')).toBeVisible({ timeout: 120_000 });
}

const TINY_SWEEP = { thresholds: '0, 50, 90', seeds: '1', retrainTrainSize: '640', retrainTestSize: '300', retrainEpochs: '1', baseTrainSize: '3000', baseEpochs: '1' };

/** Settings for a sweep of a few hundred images and one seed (gradient, IG and random at 0, 50, 90 %), or smaller still. */
export async function fillTinySweep(page: Page, over: Partial<typeof TINY_SWEEP> = {}): Promise<void> {
  const sweep = page.getByRole('region', { name: /Remove and retrain/ });
  for (const [name, value] of Object.entries({ ...TINY_SWEEP, ...over })) await sweep.locator(`input[name=${name}]`).fill(value);
}

/** How far the page scrolls sideways (0: not at all). */
export const sidewaysOverflow = (page: Page): Promise<number> => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
