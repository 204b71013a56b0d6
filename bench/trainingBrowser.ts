/** Training throughput in headless Chromium, in the lab's worker, driven through the real page. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from '@playwright/test';
import type { ThroughputRow } from './trainingNode';

const PORT = 4183;

/**
 * Starts `npx vite …` in its own process group, so that stopServer ends vite itself and not only npx (which
 * left vite running, and a later bench then talked to that stale server).
 */
export function spawnVite(args: string[]): ChildProcess {
  return spawn('npx', ['vite', ...args], { stdio: 'ignore', detached: true });
}

export function stopServer(server: ChildProcess): void {
  if (server.pid !== undefined && server.exitCode === null) process.kill(-server.pid, 'SIGTERM');
}

export async function startPreview(): Promise<ChildProcess> {
  const server = spawnVite(['preview', '--port', String(PORT), '--strictPort']);
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://localhost:${PORT}/`)).ok) return server;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  stopServer(server);
  throw new Error('vite preview did not start');
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined),
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--enable-unsafe-webgpu'],
  });
}

/** A page of the lab with its backend and data ready. */
export async function openLab(browser: Browser, query = ''): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`http://localhost:${PORT}/${query}`);
  await page.getByTestId('data-status').filter({ hasText: '60,000 train' }).waitFor({ timeout: 120_000 });
  return page;
}

export async function browserTraining(browser: Browser, cases: { backend: string; samples: number }[], repeats: number): Promise<ThroughputRow[]> {
  const rows: ThroughputRow[] = [];
  for (const c of cases) {
      const page = await openLab(browser, `?backend=${c.backend}`);
      const rates: number[] = [];
      for (let r = 0; r <= repeats; r++) {
        const n = r === 0 ? Math.min(c.samples, 128) : c.samples;
        await page.fill('input[name=trainSize]', String(n));
        await page.fill('input[name=testSize]', '100');
        await page.fill('input[name=epochs]', '1');
        await page.fill('input[name=seed]', String(r + 1));
        await page.getByRole('button', { name: 'Train' }).click();
        await page.getByRole('button', { name: 'Train' }).waitFor({ timeout: 600_000 });
        const rate = Number(await page.getByTestId('samples-per-sec').getAttribute('data-value'));
        if (r > 0) rates.push(rate);
      }
      const used = (await page.getByTestId('result-backend').textContent()) ?? '?';
      rows.push({ where: 'Chromium worker', backend: used, samples: c.samples, samplesPerSec: rates });
      await page.close();
  }
  return rows;
}
