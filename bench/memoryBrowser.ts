/**
 * Tab memory of a sweep in headless Chromium: the RSS of the page's renderer process (the page, the lab
 * worker and its pool workers are threads of it; shared rankings count once), sampled while the sweep runs,
 * and the page's own figure from performance.measureUserAgentSpecificMemory() (needs cross-origin isolation,
 * which the lab has).
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';

export interface MemoryRow {
  preset: string;
  /** Peak RSS of the largest renderer process, MiB. */
  peakRendererMiB: number;
  /** Largest figure from measureUserAgentSpecificMemory, MiB (null where the API is missing). */
  peakMeasuredMiB: number | null;
  /** What the sweep had reached when sampling stopped. */
  reached: string;
  seconds: number;
}

function largestRendererRssKiB(): number {
  let best = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer')) continue;
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (m) best = Math.max(best, Number(m[1]));
    } catch {
      // the process ended while being read
    }
  }
  return best;
}

const measured = (page: Page): Promise<number | null> =>
  page.evaluate(async () => {
    const p = performance as unknown as { measureUserAgentSpecificMemory?: () => Promise<{ bytes: number }> };
    return p.measureUserAgentSpecificMemory ? (await p.measureUserAgentSpecificMemory()).bytes : null;
  });

/**
 * Runs the sweep the page was opened with (a link) until its first retraining runs have been going for
 * `trainingSeconds`, then cancels it.
 */
export async function memoryBrowser(page: Page, label: string, trainingSeconds: number): Promise<MemoryRow> {
  const t0 = performance.now();
  await page.getByRole('button', { name: 'Run sweep' }).click();
  let peakRss = 0;
  let peakMeasured: number | null = null;
  let runsSince: number | null = null;
  let lastMeasure = 0;
  let reached = '';
  for (;;) {
    peakRss = Math.max(peakRss, largestRendererRssKiB());
    const now = performance.now();
    if (now - lastMeasure > 20_000) {
      lastMeasure = now;
      const m = await measured(page);
      if (m !== null) peakMeasured = Math.max(peakMeasured ?? 0, m);
    }
    reached = (await page.getByTestId('sweep-status').textContent().catch(() => '')) ?? '';
    if (runsSince === null && /^Runs? \d/.test(reached)) runsSince = now;
    if (runsSince !== null && now - runsSince > trainingSeconds * 1000) break;
    if (now - t0 > 3_600_000) throw new Error(`the sweep did not reach its runs within an hour (at: ${reached})`);
    await new Promise((r) => setTimeout(r, 2000));
  }
  const m = await measured(page);
  if (m !== null) peakMeasured = Math.max(peakMeasured ?? 0, m);
  peakRss = Math.max(peakRss, largestRendererRssKiB());
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: 'Run sweep' }).waitFor({ timeout: 600_000 });
  const row = { preset: label, peakRendererMiB: peakRss / 1024, peakMeasuredMiB: peakMeasured === null ? null : peakMeasured / 2 ** 20, reached, seconds: (performance.now() - t0) / 1000 };
  console.log(`${label} memory:`, row);
  return row;
}
