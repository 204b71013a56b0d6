/**
 * Wall time and health of sweep presets: in Node (the CLI's engine, one worker thread per core) and in headless
 * Chromium. Besides the time, each row says whether the preset's models learnt: flagged runs, the unmasked
 * retrain against its base model, and the verdicts (issue 10).
 */
import { availableParallelism } from 'node:os';
import type { Page } from '@playwright/test';
import { presetConfig, withRandomBaseline, type PresetId } from '../src/engine/sweep/sweepConfig';
import { runSweep } from '../src/engine/sweep/runSweep';
import { summariseSweep } from '../src/engine/sweep/summary';
import { methodWords } from '../src/engine/attribution/methodSpec';
import { applySweepEvent, emptyResults } from '../src/engine/sweep/results';
import { loadMnistNode } from '../src/node/loadMnist';
import { initNodeBackend } from '../src/node/nodeBackend';
import { startNodePool } from '../src/node/nodePool';

export interface PresetRow {
  where: string;
  preset: PresetId;
  seconds: number;
  /** Mean accuracy at the highest threshold, per method: the result quality. */
  atTop: Record<string, number>;
  /** What else a reader needs to trust the row: flagged runs, unmasked vs base, verdicts. */
  health: string;
}

export async function presetNode(preset: PresetId): Promise<PresetRow> {
  await initNodeBackend('wasm');
  const mnist = loadMnistNode();
  const config = withRandomBaseline(presetConfig(preset));
  const pool = await startNodePool(availableParallelism(), 'wasm');
  let results = emptyResults(config, { engineVersion: '', backend: 'wasm', backendDetails: pool.details, startedAt: '', finishedAt: null, device: '' });
  const t0 = performance.now();
  try {
    await runSweep(mnist, config, 'wasm', {
      executor: pool.executor,
      onBase: (base) => void (results = applySweepEvent(results, { type: 'base', base })),
      onRun: (run) => void (results = applySweepEvent(results, { type: 'run', run })),
      onNoRetrain: (result) => void (results = applySweepEvent(results, { type: 'noRetrain', result })),
    });
  } finally {
    await pool.close();
  }
  const seconds = (performance.now() - t0) / 1000;
  const summary = summariseSweep(results);
  const top = config.thresholds.length - 1;
  const atTop = Object.fromEntries(summary.map((m) => [methodWords(m.spec), m.cells[top].mean]));
  const flagged = results.runs.filter((r) => r.health?.flags.length);
  const unmasked = summary[0].cells[0];
  const health = [
    `${flagged.length} of ${results.runs.length} runs flagged${flagged.length ? ` (${flagged.map((r) => `${r.key}: ${r.health!.flags.join(', ')}`).join('; ')})` : ''}`,
    `base model${results.bases.length > 1 ? 's' : ''} ${results.bases.map((b) => `${(b.accuracy * 100).toFixed(1)} %`).join(', ')}, unmasked retrain ${(unmasked.mean * 100).toFixed(1)} ± ${(unmasked.std * 100).toFixed(1)} %`,
    `verdicts: ${summary.filter((m) => m.verdict !== 'baseline').map((m) => `${methodWords(m.spec)} ${m.verdict}`).join(', ')}`,
  ].join('; ');
  console.log(`${preset} in Node: ${seconds.toFixed(1)} s`, atTop, health);
  return { where: `Node, ${pool.details}`, preset, seconds, atTop, health };
}

/** Runs a preset in the page as a person would: choose it, press Run sweep, wait for the button to return. */
export async function presetBrowser(page: Page, preset: PresetId, label: string): Promise<PresetRow> {
  const sweep = page.getByRole('region', { name: /Remove and retrain/ });
  await sweep.getByRole('button', { name: label, exact: true }).click();
  const t0 = performance.now();
  await page.getByRole('button', { name: 'Run sweep' }).click();
  await page.getByRole('button', { name: 'Cancel' }).waitFor();
  await page.getByRole('button', { name: 'Run sweep' }).waitFor({ timeout: 3_600_000 });
  const seconds = (performance.now() - t0) / 1000;
  const atTop: Record<string, number> = {};
  for (const row of await page.getByTestId('sweep-table').locator('tbody tr').all()) {
    const key = (await row.getAttribute('data-method')) ?? '?';
    const text = (await row.locator('td[data-threshold]').last().textContent()) ?? '';
    atTop[key] = Number(text.split('±')[0]) / 100;
  }
  const flaggedCells = await page.getByTestId('sweep-table').getByTestId('flagged-cell').count();
  const verdicts = (await page.getByTestId('verdict').evaluateAll((els) => els.map((e) => `${e.querySelector('strong')?.textContent} ${e.getAttribute('data-verdict')}`))).join(', ');
  const health = `${flaggedCells} flagged cells; verdicts: ${verdicts}`;
  const details = (await page.getByTestId('provenance').locator('dd').nth(4).textContent()) ?? '';
  console.log(`${preset} in Chromium: ${seconds.toFixed(1)} s`, atTop, health, details);
  return { where: `Chromium, ${details}`, preset, seconds, atTop, health };
}
