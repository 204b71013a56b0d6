/** Wall time of sweep presets: in Node (the CLI's engine, one worker thread per core) and in headless Chromium. */
import { availableParallelism } from 'node:os';
import type { Page } from '@playwright/test';
import { presetConfig, type PresetId } from '../src/engine/sweep/sweepConfig';
import { runSweep } from '../src/engine/sweep/runSweep';
import { summariseSweep } from '../src/engine/sweep/summary';
import type { NoRetrainResult, RunResult } from '../src/engine/sweep/results';
import { loadMnistNode } from '../src/node/loadMnist';
import { initNodeBackend } from '../src/node/nodeBackend';
import { startNodePool } from '../src/node/nodePool';

export interface PresetRow {
  where: string;
  preset: PresetId;
  seconds: number;
  /** Mean accuracy at the highest threshold, per method: the result quality. */
  atTop: Record<string, number>;
}

export async function presetNode(preset: PresetId): Promise<PresetRow> {
  await initNodeBackend('wasm');
  const mnist = loadMnistNode();
  const config = presetConfig(preset);
  const pool = await startNodePool(availableParallelism(), 'wasm');
  const runs: RunResult[] = [];
  const noRetrain: NoRetrainResult[] = [];
  const t0 = performance.now();
  try {
    await runSweep(mnist, config, 'wasm', { executor: pool.executor, onRun: (r) => void runs.push(r), onNoRetrain: (r) => void noRetrain.push(r) });
  } finally {
    await pool.close();
  }
  const seconds = (performance.now() - t0) / 1000;
  const top = config.thresholds.length - 1;
  const atTop = Object.fromEntries(summariseSweep({ config, runs, noRetrain, bases: [] }).map((m) => [m.key, m.cells[top].mean]));
  console.log(`${preset} in Node: ${seconds.toFixed(1)} s`, atTop);
  return { where: `Node, ${pool.details}`, preset, seconds, atTop };
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
  const details = (await page.getByTestId('provenance').locator('dd').nth(4).textContent()) ?? '';
  console.log(`${preset} in Chromium: ${seconds.toFixed(1)} s`, atTop, details);
  return { where: `Chromium, ${details}`, preset, seconds, atTop };
}
