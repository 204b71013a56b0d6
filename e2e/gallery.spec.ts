import { expect, test, type Locator, type Page } from '@playwright/test';
import { fillTraining, openLab } from './helpers';

const gallery = (page: Page) => page.getByRole('region', { name: /Explore attribution maps/ });

/** Every (method, threshold) pair appears exactly once among the cells, each with the model's prediction. */
async function expectCells(grid: Locator, methods: string[], thresholds: string[]): Promise<void> {
  const cells = grid.getByTestId('gallery-cell');
  await expect(cells).toHaveCount(methods.length * thresholds.length);
  const seen = await cells.evaluateAll((els) => els.map((el) => `${el.getAttribute('data-method')}@${el.getAttribute('data-threshold')}`));
  expect(seen.sort()).toEqual(methods.flatMap((m) => thresholds.map((t) => `${m}@${t}`)).sort());
  for (const text of await grid.getByTestId('gallery-prediction').allTextContents()) expect(text).toMatch(/^predicts \d · \d+\.\d %$/);
}

test('before a model exists, Show maps is disabled and says why; an empty drawing says so', async ({ page }) => {
  await openLab(page);
  const g = gallery(page);
  await expect(g.getByRole('button', { name: 'Show maps' })).toBeDisabled();
  await expect(g.getByTestId('gallery-show-status')).toHaveText('Train a base model first (step 1): the maps explain its decisions.');
  await g.getByRole('radio', { name: 'Draw one' }).check();
  await expect(g.getByText('The drawing is empty: draw a digit first.')).toBeVisible();
  await g.getByRole('radio', { name: 'Test images by index' }).check();
  await g.locator('input[name=gallery-testIndices]').fill('10000');
  await expect(g.getByText('Test image: a whole number from 0 to 9999; 10000 is out of range.')).toBeVisible();
});

test('with a trained model, a student compares methods on a test digit and on a digit they draw', async ({ page }) => {
  await openLab(page);
  await fillTraining(page, { trainSize: 6000, testSize: 1000, epochs: 1, learningRate: 0.01 });
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('test-accuracy')).toBeVisible({ timeout: 120_000 });

  const g = gallery(page);
  const show = g.getByRole('button', { name: 'Show maps' });
  await expect(show).toBeEnabled();

  // Three methods: gradient, IG with 8 steps, random.
  await g.getByRole('checkbox', { name: /Guided Backprop/ }).uncheck();
  await g.getByRole('checkbox', { name: /SmoothGrad²/ }).uncheck();
  await g.locator('input[name=gallery-integratedGradients-steps]').fill('0');
  // The problem shows beside the field, in the form's words, and the field is outlined.
  await expect(g.locator('#gallery-integratedGradients-steps-help')).toHaveText('Steps: a whole number from 1 to 1024; 0 is out of range.');
  await expect(g.locator('input[name=gallery-integratedGradients-steps]')).toHaveAttribute('aria-invalid', 'true');
  await expect(show).toBeDisabled();
  await g.locator('input[name=gallery-integratedGradients-steps]').fill('8');
  await g.locator('input[name=gallery-testIndices]').fill('3');

  // A bad threshold list is explained and blocks the button until fixed.
  const thresholds = g.locator('input[name=gallery-thresholds]');
  await thresholds.fill('10, 5, 200');
  await expect(g.getByText('Thresholds: 1 to 12 percentages from 0 to 100, comma-separated, increasing; “\u20685\u2069” does not come after 10.')).toBeVisible();
  await expect(show).toBeDisabled();
  await expect(g.getByTestId('gallery-show-status')).toHaveText('Fix the settings marked in red first.');
  await thresholds.fill('0, 50, 90');
  await expect(show).toBeEnabled();

  await show.click();
  const grid = g.getByTestId('gallery-grid');
  await expect(grid.getByRole('heading', { name: 'Test image #3' })).toBeVisible();
  await expectCells(grid, ['gradient', 'integratedGradients', 'random'], ['0', '0.5', '0.9']);
  await expect(grid.getByRole('rowheader', { name: /Integrated Gradients/ })).toContainText('Steps 8');

  // Hovering a map pixel reads its value out.
  await grid.getByTestId('gallery-cell').first().locator('canvas').first().hover({ position: { x: 20, y: 20 } });
  await expect(grid.getByTestId('gallery-readout').first()).toHaveText(/^row \d+, col \d+: /);

  // Draw a "1": the button waits for ink, then the grid explains the drawing.
  await g.getByRole('radio', { name: 'Draw one' }).check();
  await expect(show).toBeDisabled();
  const box = (await g.getByTestId('gallery-draw-pad').boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.15);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.85, { steps: 12 });
  await page.mouse.up();
  await expect(g.getByText('The drawing is empty: draw a digit first.')).toHaveCount(0);
  await expect(g.getByRole('img', { name: /Your digit at 28×28/ })).toBeVisible();
  await show.click();
  await expect(grid.getByRole('heading', { name: 'Your drawing' })).toBeVisible();
  await expect(grid.getByRole('heading', { name: 'Test image #3' })).toHaveCount(0);
  await expectCells(grid, ['gradient', 'integratedGradients', 'random'], ['0', '0.5', '0.9']);
});
