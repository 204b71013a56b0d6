import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { fillTinySweep, openLab } from './helpers';

/** The tiniest sweep that still has a verdict: gradient vs random, at 0 % and 90 %, one seed, a few hundred images. */
async function setUpTinySweep(page: Page): Promise<void> {
  const sweep = page.getByRole('region', { name: /Remove and retrain/ });
  await sweep.getByRole('checkbox', { name: 'Integrated Gradients' }).uncheck();
  await fillTinySweep(page, { thresholds: '0, 90', retrainTrainSize: '320', retrainTestSize: '200', baseTrainSize: '1000' });
  await expect(page.getByTestId('sweep-config-errors')).toHaveCount(0);
}

/** Every number the results show: the accuracy table's cells and the verdicts. */
async function shownNumbers(page: Page): Promise<string[]> {
  await expect(page.getByTestId('sweep-table')).toBeVisible();
  return [...(await page.getByTestId('sweep-table').locator('td').allTextContents()), ...(await page.getByTestId('verdict').allTextContents())];
}

/** A valid results file, as the CLI or the page writes one; `big` makes a paper-sized sweep (7 methods × 6 thresholds × 5 seeds). */
function bundle(accuracy: number, big = false): object {
  const train = { learningRate: 0.01, momentum: 0.9, batchSize: 64, epochs: 1, trainSize: 500, testSize: 100, seed: 1 };
  const run = (method: string, threshold: number, acc: number, seed = 1) => ({
    key: `${method}|${threshold}|${seed}`,
    method,
    threshold,
    seed,
    accuracy: acc,
    precision: Array.from({ length: 10 }, (_, c) => Math.abs(Math.sin(acc * 1000 + c))),
    samplesPerSec: 900,
    seconds: 1,
  });
  const methods = big ? ['gradient', 'inputXGradient', 'guidedBackprop', 'gradCam', 'fullGrad', 'sobel', 'random'] : ['gradient', 'random'];
  const thresholds = big ? [0, 0.1, 0.3, 0.5, 0.7, 0.9] : [0, 0.5];
  const seeds = big ? 5 : 1;
  // Irregular accuracies, as real runs give, so that the results do not compress to nothing.
  const bigRuns = Array.from({ length: seeds }, (_, s) =>
    thresholds.flatMap((t) => (t === 0 ? ['unmasked'] : methods).map((m, i) => run(m, t, Math.abs(Math.sin(1 + s * 97 + t * 31 + i * 7)), s + 1))),
  ).flat();
  return {
    format: 'roar-lab-results',
    version: 1,
    title: 'Shared <b>sweep</b>',
    results: {
      config: {
        version: 1,
        methods: methods.map((id) => ({ id, params: {} })),
        thresholds,
        seeds,
        mask: { rankTransform: 'abs', tieBreak: 'random', tieSeed: 7, mode: 'roar', replacement: 'mean' },
        target: 'label',
        mapSeed: 1,
        base: train,
        retrain: train,
        noRetrain: false,
      },
      runs: big ? bigRuns : [run('unmasked', 0, 0.95), run('gradient', 0.5, accuracy), run('random', 0.5, 0.875)],
      noRetrain: [],
      baseAccuracy: 0.95,
      provenance: { engineVersion: '0.1.0', backend: 'wasm', backendDetails: 'wasm', startedAt: '2026-11-26T10:00:00.000Z', finishedAt: '2026-11-26T10:05:00.000Z', device: 'CLI' },
    },
  };
}

const asFile = (name: string, value: unknown) => ({ name, mimeType: 'application/json', buffer: Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)) });

test('a link with results shows the same table in a fresh browser, and so does the downloaded JSON', async ({ page, browser }) => {
  await openLab(page);
  await setUpTinySweep(page);
  await page.getByRole('button', { name: 'Run sweep' }).click();
  // 1 unmasked run + gradient and random at 90 %.
  await expect(page.getByTestId('sweep-chart')).toHaveAttribute('data-runs', '3', { timeout: 120_000 });
  await expect(page.getByRole('button', { name: 'Run sweep' })).toBeVisible();
  const numbers = await shownNumbers(page);
  const title = await page.getByTestId('sweep-results').locator('h3').textContent();

  const share = page.getByTestId('share-bar');
  await share.getByRole('button', { name: 'Copy link with results' }).click();
  const link = await share.getByTestId('share-link').inputValue();
  expect(link).toMatch(/\?v=1&.*&t=0,90&seeds=1&.*#r=[A-Za-z0-9_-]+$/);
  const [json] = await Promise.all([page.waitForEvent('download'), share.getByRole('button', { name: 'Download JSON' }).click()]);
  const [csv] = await Promise.all([page.waitForEvent('download'), share.getByRole('button', { name: 'Download CSV' }).click()]);
  expect(csv.suggestedFilename()).toMatch(/^roar-lab-results-\d{4}-\d\d-\d\d\.csv$/);
  const rows = readFileSync(await csv.path(), 'utf8').trim().split('\r\n');
  expect(rows[0]).toMatch(/^kind,method_id,params,method,threshold,seed,base_seed,accuracy,epochs,final_loss,health,precision_0,.*,precision_9$/);
  expect(rows.filter((r) => r.startsWith('retrained,'))).toHaveLength(3);
  expect(rows.filter((r) => r.startsWith('no-retrain,'))).toHaveLength(3);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  await expect(other.getByTestId('share-message')).toContainText('Opened');
  expect(await shownNumbers(other)).toEqual(numbers);
  await expect(other.getByTestId('sweep-results').locator('h3')).toHaveText(title!);
  await expect(other.locator('input[name=thresholds]')).toHaveValue('0, 90');
  // The results hash is read once; the address keeps the settings.
  expect(other.url()).not.toContain('#r=');
  await fresh.close();

  const fresh2 = await browser.newContext();
  const third = await fresh2.newPage();
  await third.goto(new URL('/', link).href);
  await third.getByTestId('share-file').setInputFiles(await json.path());
  expect(await shownNumbers(third)).toEqual(numbers);
  await fresh2.close();
});

test('a broken link names each bad field, keeps the defaults, and the lab still trains', async ({ page }) => {
  await openLab(page, '?v=1&lr=banana&t=5,3&seeds=2#r=corrupt!data');
  await expect(page.getByText(/Link setting lr=“\u2068banana\u2069”: Learning rate: a number/)).toBeVisible();
  await expect(page.getByText(/Link setting t=“\u20685,3\u2069”: Thresholds: .*, increasing; “\u20683\u2069” does not come after 5/)).toBeVisible();
  await expect(page.getByTestId('share-message')).toContainText('The results in this link could not be opened');
  await expect(page.getByTestId('share-message')).toContainText('is not base64url');
  await expect(page.locator('input[name=learningRate]')).toHaveValue('0.01');
  await expect(page.locator('input[name=thresholds]')).toHaveValue('0, 50, 90');
  await expect(page.getByTestId('sweep-results')).toHaveCount(0);
  // The address now holds what is in effect, without the broken parts.
  expect(page.url()).toContain('lr=0.01&');
  expect(page.url()).not.toContain('#');

  await page.fill('input[name=trainSize]', '256');
  await page.fill('input[name=testSize]', '100');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('test-accuracy')).toBeVisible({ timeout: 60_000 });
});

test('a link with settings restores the forms, and the address follows every edit', async ({ page }) => {
  const query =
    '?v=1&lr=0.05&mom=0.5&batch=32&epochs=2&train=2000&test=500&seed=9' +
    '&methods=gradient,smoothGradSquared(samples:4),random&t=0,25,75&seeds=3&mode=kar&repl=black&ties=index&tieSeed=3&target=predicted' +
    '&base.epochs=3&retrain.train=800';
  await page.goto(`/${query}`);
  for (const [name, value] of Object.entries({ learningRate: '0.05', momentum: '0.5', batchSize: '32', epochs: '2', trainSize: '2000', testSize: '500', seed: '9' })) {
    await expect(page.locator(`input[name=${name}]`)).toHaveValue(value);
  }
  const sweep = page.getByRole('region', { name: /Remove and retrain/ });
  await expect(sweep.getByRole('checkbox', { name: 'Gradient', exact: true })).toBeChecked();
  await expect(sweep.getByRole('checkbox', { name: 'SmoothGrad²' })).toBeChecked();
  await expect(sweep.getByRole('checkbox', { name: 'Integrated Gradients' })).not.toBeChecked();
  for (const [name, value] of Object.entries({ thresholds: '0, 25, 75', seeds: '3', baseEpochs: '3', retrainTrainSize: '800' })) {
    await expect(sweep.locator(`input[name=${name}]`)).toHaveValue(value);
  }
  for (const [name, value] of Object.entries({ mode: 'kar', replacement: 'black', tieBreak: 'index', target: 'predicted' })) {
    await expect(sweep.locator(`select[name=${name}]`)).toHaveValue(value);
  }
  await expect(page.locator('.status')).not.toContainText('Link setting');
  expect(page.url()).toContain('methods=gradient,smoothGradSquared(samples:4),random&t=0,25,75&seeds=3&bases=1&mode=kar&repl=black&rank=abs&filter=none&ties=index&tieSeed=3');

  await sweep.locator('input[name=seeds]').fill('4');
  await page.fill('input[name=learningRate]', '0.02');
  // page.url() follows history.replaceState through browser events, so it may lag a moment behind.
  await expect.poll(() => page.url()).toContain('?v=1&lr=0.02&');
  expect(page.url()).toContain('&seeds=4&');
});

test('results files open by the picker; a rejected file says why and leaves the shown results alone', async ({ page }) => {
  await page.goto('/');
  const picker = page.getByTestId('share-file');
  await picker.setInputFiles(asFile('shared.json', bundle(0.5)));
  await expect(page.getByTestId('share-message')).toContainText('Opened “Shared <b>sweep</b>” from “shared.json”: 3 runs');
  const table = page.getByTestId('sweep-table');
  await expect(table.locator('tr[data-method=gradient] td[data-threshold="0.5"]')).toContainText('50.0');
  await expect(page.getByTestId('sweep-results').locator('h3')).toHaveText('Shared <b>sweep</b>');

  await picker.setInputFiles(asFile('bad.json', bundle(1.5)));
  await expect(page.getByTestId('share-message')).toContainText('Could not open “bad.json”. The results on the page are unchanged.');
  await page.getByTestId('share-message').getByText('What exactly went wrong').click();
  await expect(page.getByTestId('share-message').getByText('results.runs[1].accuracy — Accuracy: a number from 0 to 1. Found 1.5.')).toBeVisible();
  await picker.setInputFiles(asFile('not.json', '{"format":"roar-lab-results",'));
  await expect(page.getByTestId('share-message')).toContainText('The file is not valid JSON');
  await picker.setInputFiles({ name: 'huge.json', mimeType: 'application/json', buffer: Buffer.alloc(6 * 1024 * 1024, 32) });
  await expect(page.getByTestId('share-message')).toContainText('results files are at most 5 MB');
  await expect(table.locator('tr[data-method=gradient] td[data-threshold="0.5"]')).toContainText('50.0');

  // Dropped anywhere on the page.
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
    for (const type of ['dragenter', 'dragover', 'drop']) window.dispatchEvent(new DragEvent(type, { dataTransfer: data, cancelable: true }));
  }, JSON.stringify(bundle(0.25)));
  await expect(page.getByTestId('share-message')).toContainText('from “dropped.json”');
  await expect(table.locator('tr[data-method=gradient] td[data-threshold="0.5"]')).toContainText('25.0');

  // Too much for a link: the page says so and offers the file instead.
  await picker.setInputFiles(asFile('paper.json', bundle(0, true)));
  await expect(page.getByTestId('share-message')).toContainText('180 runs');
  await page.getByRole('button', { name: 'Copy link with results' }).click();
  await expect(page.getByTestId('share-message')).toContainText(/the link would be [\d,]+ characters long; .* beyond 8,000/);
  await expect(page.getByTestId('share-link')).toHaveCount(0);
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the results file (.json)' }).click()]);
  expect(JSON.parse(readFileSync(await file.path(), 'utf8')).results.runs).toHaveLength(180);
});

test('the shipped reference results open at once, with their provenance', async ({ page }) => {
  await openLab(page);
  // Both recomputed with run health: 2 base models × 2 seeds and the mask-only control.
  for (const [name, ties, runs, cell] of [
    [/seeded random ties/, 'seeded random order', 122, 'n=4'],
    [/ties by pixel index/, 'by pixel index', 122, 'n=4'],
  ] as const) {
    await page.getByRole('button', { name }).click();
    await expect(page.getByTestId('share-message')).toContainText(`from the lab’s reference results: ${runs} runs`);
    await expect(page.getByTestId('sweep-chart')).toHaveAttribute('data-runs', String(runs));
    await expect(page.getByTestId('provenance')).toContainText(ties);
    await expect(page.getByTestId('provenance')).toContainText('60,000 masked images');
    await expect(page.getByTestId('sweep-table').locator('tr[data-method=random] td[data-threshold="0.9"]')).toContainText(cell);
  }
  // Where two of the four gradient runs at 90 % had not converged, the recomputed bundle withholds gradient's verdict.
  await page.getByTestId('share-bar').getByRole('button', { name: /seeded random ties/ }).click();
  await expect(page.getByTestId('sweep-table').locator('tr[data-method=gradient] td.verdict')).toContainText('inconclusive');
  // Under index ties IG's four 90 % runs predict one class (11.3 %): no longer counted as significant, its verdict is withheld.
  await page.getByTestId('share-bar').getByRole('button', { name: /ties by pixel index/ }).click();
  await expect(page.getByTestId('sweep-table').locator('tr[data-method=integratedGradients] td.verdict')).toContainText('inconclusive');
  // On Fashion-MNIST the removal pattern alone scores above random's retrain: gradient's cells measure the outline.
  await page.getByTestId('share-bar').getByRole('button', { name: /Fashion-MNIST/ }).click();
  await expect(page.getByTestId('share-message')).toContainText('from the lab’s reference results: 26 runs');
  await expect(page.getByTestId('provenance')).toContainText('Fashion-MNIST: The package has no official split');
  await expect(page.getByRole('table', { name: 'Per-class precision' }).locator('thead')).toContainText('Ankle boot');
  await expect(page.getByTestId('sweep-table').locator('tr[data-method=gradient] td.verdict')).toContainText('inconclusive');
});
