import { expect, test } from '@playwright/test';
import { fillTraining, openLab } from './helpers';

test('a newcomer trains the CNN and watches it learn while the page stays responsive', async ({ page }) => {
  // Record every long task on the main thread from the very start.
  await page.addInitScript(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push(e.duration))).observe({ type: 'longtask', buffered: true });
  });
  await openLab(page);
  await expect(page.getByRole('heading', { name: /Train the base model/ })).toBeVisible();
  // The first choice on a GPU-less machine is WASM, and the page says why it passed over the emulated GPU.
  await expect(page.getByTestId('backend')).toContainText('wasm');

  await fillTraining(page, { trainSize: 12000, testSize: 2000, epochs: 1, learningRate: 0.01 });
  const longTasksBefore = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks.length);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Stop' })).toBeVisible();

  // The chart grows point by point while the worker trains.
  const chart = page.getByTestId('train-chart');
  await expect.poll(async () => Number(await chart.getAttribute('data-points')), { timeout: 60_000 }).toBeGreaterThanOrEqual(2);
  const midway = Number(await chart.getAttribute('data-points'));
  await expect(page.getByTestId('test-accuracy')).toBeVisible({ timeout: 120_000 });
  expect(Number(await chart.getAttribute('data-points'))).toBeGreaterThan(midway);
  await expect(chart.locator('.recharts-line path').first()).toBeVisible();

  const accuracy = Number(await page.getByTestId('test-accuracy').getAttribute('data-value'));
  expect(accuracy).toBeGreaterThan(0.8);
  await expect(page.getByRole('table', { name: 'Per-class precision' })).toBeVisible();
  await expect(page.getByTestId('result-backend')).toHaveText('wasm');
  await expect(page.getByTestId('train-progress-text')).toContainText('samples/s');

  const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
  const duringTraining = longTasks.slice(longTasksBefore);
  expect(Math.max(0, ...duringTraining), `long tasks during training: ${duringTraining.join(', ')} ms`).toBeLessThan(200);
});

test('bad settings say what is allowed and block training until fixed', async ({ page }) => {
  await openLab(page);
  await page.fill('input[name=batchSize]', '0');
  await expect(page.getByText('Batch size: a whole number from 1 to 4096; 0 is out of range.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeDisabled();
  await page.fill('input[name=learningRate]', 'fast');
  await expect(page.getByText(/Learning rate: a number from 0.000001 to 1/)).toBeVisible();
  await page.fill('input[name=batchSize]', '64');
  await page.fill('input[name=learningRate]', '0.01');
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled();
});

test('Stop keeps the partly trained model and its scores', async ({ page }) => {
  await openLab(page);
  await page.getByRole('button', { name: /Paper setting/ }).click();
  await fillTraining(page, { testSize: 1000 });
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  const chart = page.getByTestId('train-chart');
  await expect.poll(async () => Number(await chart.getAttribute('data-points')), { timeout: 60_000 }).toBeGreaterThanOrEqual(3);
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.getByText(/Stopped after [\d,]+ images; this partly trained model is kept/)).toBeVisible({ timeout: 60_000 });
  // The stopped model was scored on the test images and is the lab's model now.
  const accuracy = Number(await page.getByTestId('test-accuracy').getAttribute('data-value'));
  expect(accuracy).toBeGreaterThanOrEqual(0);
  expect(accuracy).toBeLessThanOrEqual(1);
  await expect(page.getByText(/1,000 test images · 0 epoch\(s\)/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled();
});

test('?backend= forces a backend, and an unknown one is reported', async ({ page }) => {
  await openLab(page, '?backend=cpu');
  await expect(page.getByTestId('backend')).toContainText('cpu');
  await openLab(page, '?backend=quantum');
  await expect(page.getByText(/Unknown backend “\u2068quantum\u2069” in the link; allowed: webgpu, webgl, wasm, cpu\. Choosing the best available instead\./)).toBeVisible();
  await expect(page.getByTestId('backend')).toContainText('wasm');
});

test('WebGPU: the fused kernels train a tiny setting on the software adapter and make the gallery’s gradient maps, and the page says so', async ({ page }) => {
  await openLab(page, '?backend=webgpu');
  await expect(page.getByTestId('backend')).toContainText('webgpu');
  await expect(page.getByText(/WebGPU on google swiftshader, fused kernels/)).toBeVisible();
  await fillTraining(page, { trainSize: 128, testSize: 64, epochs: 1, batchSize: 64, learningRate: 0.01 });
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('test-accuracy')).toBeVisible({ timeout: 150_000 });
  await expect(page.getByTestId('result-backend')).toHaveText('webgpu');
  const onGpu = Number(await page.getByTestId('test-accuracy').getAttribute('data-value'));
  // The gallery's maps of that model: gradient, IG, guided backprop and SmoothGrad² from the fused kernels' input gradients.
  const g = page.getByRole('region', { name: /Explore attribution maps/ });
  await g.locator('input[name=gallery-integratedGradients-steps]').fill('8');
  await g.locator('input[name=gallery-thresholds]').fill('0, 50');
  await g.getByRole('button', { name: 'Show maps' }).click();
  const cells = g.getByTestId('gallery-grid').getByTestId('gallery-cell');
  await expect(cells).toHaveCount(2 * 5, { timeout: 120_000 });
  for (const text of await g.getByTestId('gallery-grid').getByTestId('gallery-prediction').allTextContents()) expect(text).toMatch(/^predicts \d · \d+\.\d %$/);
  // The same seed and data on the tfjs engine (WASM) give the same model, so the same score (one image's slack).
  await openLab(page, '?backend=wasm');
  await fillTraining(page, { trainSize: 128, testSize: 64, epochs: 1, batchSize: 64, learningRate: 0.01 });
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('test-accuracy')).toBeVisible({ timeout: 60_000 });
  const onWasm = Number(await page.getByTestId('test-accuracy').getAttribute('data-value'));
  expect(Math.abs(onGpu - onWasm)).toBeLessThanOrEqual(1 / 64);
});
