import { expect, test, type Page } from '@playwright/test';
import { openLab } from './helpers';

/** A sweep small enough for CI: gradient vs random, 3 thresholds, 1 seed, a few hundred images. */
async function setUpTinySweep(page: Page, seeds = 1, retrainImages = 640): Promise<void> {
  const sweep = page.getByRole('region', { name: /Remove and retrain/ });
  await sweep.getByRole('checkbox', { name: 'Integrated Gradients' }).uncheck();
  await sweep.locator('input[name=thresholds]').fill('0, 50, 90');
  await sweep.locator('input[name=seeds]').fill(String(seeds));
  await sweep.locator('input[name=retrainTrainSize]').fill(String(retrainImages));
  await sweep.locator('input[name=retrainTestSize]').fill('300');
  await sweep.locator('input[name=retrainEpochs]').fill('1');
  await sweep.locator('input[name=baseTrainSize]').fill('3000');
  await sweep.locator('input[name=baseEpochs]').fill('1');
  await expect(page.getByTestId('sweep-config-errors')).toHaveCount(0);
}

const runsOnChart = async (page: Page): Promise<number> => Number(await page.getByTestId('sweep-chart').getAttribute('data-runs'));

test('a tiny sweep runs in the worker, grows the chart run by run, and survives a reload', async ({ page }) => {
  await openLab(page);
  await setUpTinySweep(page);
  // Record every value the chart's run count takes, however fast the runs land.
  await page.evaluate(() => {
    const w = window as unknown as { runCounts: number[] };
    w.runCounts = [];
    new MutationObserver(() => {
      const el = document.querySelector('[data-testid=sweep-chart]');
      const n = Number(el?.getAttribute('data-runs'));
      if (el && w.runCounts[w.runCounts.length - 1] !== n) w.runCounts.push(n);
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-runs'] });
  });
  await page.getByRole('button', { name: 'Run sweep' }).click();
  // Runs land one at a time: 1 unmasked + gradient and random at 50 % and 90 % = 5.
  await expect.poll(() => runsOnChart(page), { timeout: 120_000 }).toBe(5);
  const counts = await page.evaluate(() => (window as unknown as { runCounts: number[] }).runCounts);
  expect(counts).toEqual([0, 1, 2, 3, 4, 5]);
  await expect(page.getByRole('button', { name: 'Run sweep' })).toBeVisible();
  const table = page.getByTestId('sweep-table');
  await expect(table.locator('tr[data-method=gradient] td[data-threshold="0.9"]')).toContainText('n=1');
  await expect(table.locator('tr[data-method=random] td[data-threshold="0.5"]')).toContainText('±');
  await expect(page.getByTestId('verdict')).toHaveCount(1);
  // 640 images for one epoch do not get a model off the loss plateau: the lab says so and withholds the verdict.
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', 'inconclusive');
  await expect(page.getByTestId('verdict')).toContainText(/Not judged: .*stopped before the loss settled/);
  await expect(table.locator('tr[data-method=gradient] td[data-threshold="0.9"] [data-testid=flagged-cell]')).toBeVisible();
  await expect(page.getByTestId('sweep-chart').getByTestId('flagged-point').first()).toBeAttached();
  expect(await page.getByTestId('sweep-chart').getByTestId('flagged-point').first().locator('title').textContent()).toMatch(/^Not trusted: 1 of 1 runs .*stopped before the loss settled/);
  // The cell's runs open with their loss curve and health.
  await table.locator('tr[data-method=gradient] td[data-threshold="0.9"] button').click();
  const cell = page.getByTestId('cell-runs');
  await expect(cell).toContainText('Runs of Gradient at 90 %');
  await expect(cell.locator('tbody tr')).toHaveCount(1);
  await expect(cell).toContainText('stopped before the loss settled');
  await expect(cell.locator('.recharts-line')).toHaveCount(1);
  await cell.getByRole('button', { name: 'Close' }).click();
  await expect(cell).toHaveCount(0);
  await expect(page.getByTestId('provenance')).toContainText('wasm');
  // On a multi-core machine the runs were spread over one worker per core (at most 4).
  const cores = await page.evaluate(() => Math.min(4, navigator.hardwareConcurrency || 1));
  if (cores > 1) await expect(page.getByTestId('provenance')).toContainText(`${cores} workers × WASM`);
  const cellText = await table.locator('tr[data-method=gradient] td[data-threshold="0.9"]').textContent();

  await page.reload();
  await openLab(page);
  const saved = page.getByTestId('saved-sweeps');
  await expect(saved).toContainText('5 runs');
  await expect(saved).toContainText('finished');
  await saved.getByRole('button', { name: 'Open' }).first().click();
  expect(await runsOnChart(page)).toBe(5);
  await expect(page.getByTestId('sweep-table').locator('tr[data-method=gradient] td[data-threshold="0.9"]')).toHaveText(cellText!);
});

test('a cancelled sweep keeps its finished runs and resumes after a reload without redoing them', async ({ page }) => {
  await openLab(page);
  // Long enough (3 seeds × 5 runs of 3,000 images) that Cancel lands while runs remain, on any number of cores.
  await setUpTinySweep(page, 3, 3000);
  await page.getByRole('button', { name: 'Run sweep' }).click();
  await expect.poll(() => runsOnChart(page), { timeout: 120_000, intervals: [100] }).toBeGreaterThanOrEqual(1);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('button', { name: 'Run sweep' })).toBeVisible({ timeout: 60_000 });
  const kept = await runsOnChart(page);
  expect(kept).toBeGreaterThanOrEqual(1);
  expect(kept).toBeLessThan(15);

  await page.reload();
  await openLab(page);
  const row = page.getByTestId('saved-sweeps').locator('li', { hasText: 'can be resumed' }).first();
  await expect(row).toContainText(`${kept} runs`);
  await row.getByRole('button', { name: 'Resume' }).click();
  await expect(page.getByRole('button', { name: 'Run sweep' })).toBeVisible({ timeout: 120_000 });
  expect(await runsOnChart(page)).toBe(15);
  await expect(page.getByTestId('saved-sweeps').locator('li').first()).toContainText('finished');
});

test('on a GPU backend the runs of a sweep train together as one batched model, and the record says so', async ({ page }) => {
  // WebGL here is SwiftShader (a CPU emulation): slow, so the sweep is tiny; the wiring is what is tested.
  await openLab(page, '?backend=webgl');
  await expect(page.getByTestId('backend')).toContainText('webgl');
  await setUpTinySweep(page, 1, 128);
  const sweep = page.getByRole('region', { name: /Remove and retrain/ });
  await sweep.locator('input[name=baseTrainSize]').fill('256');
  await sweep.locator('input[name=retrainTestSize]').fill('100');
  await page.evaluate(() => {
    const w = window as unknown as { statuses: string[] };
    w.statuses = [];
    new MutationObserver(() => {
      const text = document.querySelector('[data-testid=sweep-status]')?.textContent;
      if (text && w.statuses[w.statuses.length - 1] !== text) w.statuses.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await page.getByRole('button', { name: 'Run sweep' }).click();
  await expect.poll(() => runsOnChart(page), { timeout: 240_000 }).toBe(5);
  await expect(page.getByRole('button', { name: 'Run sweep' })).toBeVisible();
  const statuses = await page.evaluate(() => (window as unknown as { statuses: string[] }).statuses);
  expect(statuses.some((s) => s.startsWith('Retraining · 0 of 5 runs done') && s.includes('(5 runs together)') && s.includes('8 runs trained together per step'))).toBe(true);
  await expect(page.getByTestId('provenance')).toContainText('webgl · 8 runs trained together per step');
  await expect(page.getByTestId('sweep-table').locator('tr[data-method=gradient] td[data-threshold="0.9"]')).toContainText('n=1');
});

test('on WebGPU the fused kernels retrain the runs together and make the integrated-gradients maps, and the record says so', async ({ page }) => {
  // WebGPU here is SwiftShader (a CPU emulation): the sweep is tiny and IG takes 2 steps; the wiring is what is tested.
  await openLab(page, `?backend=webgpu&methods=${encodeURIComponent('integratedGradients(steps:2)')}`);
  await expect(page.getByTestId('backend')).toContainText('webgpu');
  const sweep = page.getByRole('region', { name: /Remove and retrain/ });
  await expect(sweep.getByRole('checkbox', { name: 'Integrated Gradients' })).toBeChecked();
  await expect(sweep.getByRole('checkbox', { name: 'Gradient', exact: true })).not.toBeChecked();
  for (const [name, value] of Object.entries({ thresholds: '0, 50, 90', seeds: '1', retrainTrainSize: '128', retrainTestSize: '100', retrainEpochs: '1', baseTrainSize: '256', baseEpochs: '1' })) {
    await sweep.locator(`input[name=${name}]`).fill(value);
  }
  await expect(page.getByTestId('sweep-config-errors')).toHaveCount(0);
  await page.getByRole('button', { name: 'Run sweep' }).click();
  await expect.poll(() => runsOnChart(page), { timeout: 240_000 }).toBe(5);
  await expect(page.getByRole('button', { name: 'Run sweep' })).toBeVisible();
  await expect(page.getByTestId('provenance')).toContainText(/webgpu \(WebGPU on google swiftshader, fused kernels · 16 runs per dispatch · maps built from input gradients on the fused kernels\)/);
  await expect(page.getByTestId('sweep-table').locator('tr[data-method^=integratedGradients] td[data-threshold="0.9"]')).toContainText('n=1');
});
