/**
 * Step 4, as a student uses it: before a model exists the button says why; after a quick base model the
 * no-retrain metrics of the sweep's methods arrive as curves in the ROAR chart's colours and a table of areas,
 * each metric saying what it measures and which way is better, with no sideways scroll on a phone.
 */
import AxeBuilder from '@axe-core/playwright';
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
