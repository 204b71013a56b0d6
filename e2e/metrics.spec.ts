/**
 * Step 4, as a student uses it: before a model exists the button says why; after a quick base model the
 * no-retrain metrics of the sweep's methods arrive as curves in the ROAR chart's colours and a table of areas,
 * each metric saying what it measures and which way is better, with no sideways scroll on a phone.
 */
import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { openLab, sidewaysOverflow, trainQuick } from './helpers';

test('the no-retrain metrics of the sweep’s methods: curves, areas, what each measures', async ({ page }) => {
  await openLab(page);
  const panel = page.getByRole('region', { name: /Without retraining/ });
  await expect(panel.getByRole('button', { name: 'Score without retraining' })).toBeDisabled();
  await expect(panel).toContainText('Train a base model first (step 1)');

  // A bad count is refused in words before anything runs.
  await panel.locator('input[name=metricsImages]').fill('5');
  await expect(panel).toContainText('Test images: a whole number from 10 to 10000');

  await trainQuick(page);
  await panel.locator('input[name=metricsImages]').fill('60');
  await panel.getByRole('button', { name: 'Score without retraining' }).click();
  const results = panel.getByTestId('metrics-results');
  await expect(results).toBeVisible({ timeout: 120_000 });

  // The sweep's methods (the Lecture preset's) and random, one row per metric, twelve of them.
  const table = panel.getByTestId('metrics-table');
  await expect(table.locator('thead th')).toHaveText(['Metric (area under the curve)', 'Gradient', 'Integrated Gradients, 8 steps', 'Random']);
  await expect(table.locator('tbody tr')).toHaveCount(12);
  await expect(panel.getByTestId('metric-sentence')).toContainText('Lower is better.');
  await expect(panel.getByTestId('metrics-chart')).toHaveAttribute('data-metric', 'deletion');
  // Three lines, in the methods' colours.
  await expect(panel.locator('[data-testid=metrics-chart] .recharts-line')).toHaveCount(3);

  // Nothing for axe to find in the results (issue 12's rule for every state).
  expect((await new AxeBuilder({ page }).include('main > section:last-of-type').analyze()).violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  // Picking insertion in the table shows its curves and says higher is better.
  await table.getByRole('button', { name: 'Insertion' }).click();
  await expect(panel.getByTestId('metrics-chart')).toHaveAttribute('data-metric', 'insertion');
  await expect(panel.getByTestId('metric-sentence')).toContainText('Higher is better.');

  // Gradient's deletion area is below random's: the metric sees that the map found something.
  const row = table.locator('tr[data-metric=deletion] td');
  const [gradient, , random] = (await row.allTextContents()).map(Number);
  expect(gradient).toBeLessThan(random);

  await page.setViewportSize({ width: 390, height: 844 });
  await expect.poll(() => sidewaysOverflow(page)).toBe(0);

  // Seed 004's setting: its loss-gradient methods, accuracy and the other perturbation metrics only.
  await panel.locator('select[name=metricsSetting]').selectOption('seed004');
  await expect(panel).toContainText('seed 004’s (Loss gradient (absolute); Loss gradient; Loss gradient × input; Random)');
  await panel.getByRole('button', { name: 'Score without retraining' }).click();
  await expect(table.locator('thead th')).toHaveText(['Metric (area under the curve)', 'Loss gradient (absolute)', 'Loss gradient', 'Loss gradient × input', 'Random'], { timeout: 120_000 });
  await expect(table.locator('tbody tr')).toHaveCount(8);
});

test('files of roar evaluate and roar sanity open in step 4 without a model; an altered one is refused in words', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'roar-checks-'));
  const cli = (args: string[]) => execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/roar.ts', ...args], { stdio: ['ignore', 'ignore', 'ignore'] });
  cli(['evaluate', '--methods', 'gradient', '--metric', 'deletion,insertion', '--images', '20', '--fractions', '0,50,100', '--train-size', '2000', '--lr', '0.05', '--out', join(dir, 'metrics.json')]);
  cli(['sanity', '--methods', 'gradient', '--images', '4', '--train-size', '2000', '--gallery', '2', '--out', join(dir, 'sanity.json')]);
  const altered = JSON.parse(readFileSync(join(dir, 'metrics.json'), 'utf8'));
  altered.metrics[0].curve[1].value = 0.5;
  writeFileSync(join(dir, 'altered.json'), JSON.stringify(altered));

  await openLab(page);
  const panel = page.getByRole('region', { name: /Without retraining/ });
  const input = panel.getByTestId('checks-file');
  await input.setInputFiles(join(dir, 'metrics.json'));
  await expect(panel.getByTestId('checks-file-notice')).toHaveText('Opened metrics.json (roar evaluate).');
  await expect(panel.getByTestId('metrics-table').locator('thead th')).toHaveText(['Metric (area under the curve)', 'Gradient', 'Random']);
  await expect(panel.getByTestId('metrics-table').locator('tbody tr')).toHaveCount(2);

  await input.setInputFiles(join(dir, 'sanity.json'));
  await expect(panel.getByTestId('checks-file-notice')).toHaveText('Opened sanity.json (roar sanity).');
  await expect(panel.getByTestId('sanity-table').locator('tbody tr')).toHaveCount(1);
  await expect(panel.getByTestId('sanity-maps').locator('canvas')).toHaveCount(2 * 6);

  await input.setInputFiles(join(dir, 'altered.json'));
  await expect(panel.getByTestId('checks-file-notice')).toHaveText('altered.json: The file: metrics[0]: its area does not match its curve (the file was altered).');
  // What was on screen stays.
  await expect(panel.getByTestId('metrics-table').locator('tbody tr')).toHaveCount(2);
});
