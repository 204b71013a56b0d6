/** The "K models as one graph" bench in headless Chromium: bench/browser/batched.html on vite's dev server. */
import type { ChildProcess } from 'node:child_process';
import type { Browser } from '@playwright/test';
import { spawnVite, stopServer } from './trainingBrowser';
import type { BatchedRow } from './batchedThroughput';

const PORT = 4184;

export async function startDevServer(): Promise<ChildProcess> {
  const server = spawnVite(['--port', String(PORT), '--strictPort']);
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(`http://localhost:${PORT}/bench/browser/batched.html`)).ok) return server;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  stopServer(server);
  throw new Error('vite did not start');
}

export async function batchedBrowser(browser: Browser, backend: string, ks: readonly number[], samples: number): Promise<{ backend: string; rows: BatchedRow[] }> {
  const page = await browser.newPage();
  try {
    await page.goto(`http://localhost:${PORT}/bench/browser/batched.html?backend=${backend}&ks=${ks.join(',')}&samples=${samples}`);
    const status = page.locator('#status');
    await status.filter({ hasText: /^(done|failed)$/ }).waitFor({ timeout: 1_800_000 });
    const error = await status.getAttribute('data-error');
    if (error) throw new Error(`Chromium ${backend}: ${error}`);
    const result = JSON.parse((await status.getAttribute('data-result')) ?? '{}') as { backend: string; rows: BatchedRow[] };
    for (const r of result.rows) console.log(`Chromium ${result.backend}: ${r.models} model(s) per step: ${Math.round(r.aggregate)} samples/s summed`);
    return result;
  } finally {
    await page.close();
  }
}
