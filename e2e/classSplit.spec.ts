/**
 * A sweep split across a class (issue 15): the lecturer makes one link per student, each student's tab runs its
 * part and downloads its file, and the lecturer drops the files on the page: the shards merge, the page says
 * which are in, and the merged table is the whole sweep's.
 */
import { expect, test, type Page } from '@playwright/test';
import { fillTinySweep, openLab } from './helpers';

async function runPart(page: Page, link: string): Promise<string> {
  await page.goto(link);
  await expect(page.getByTestId('data-status')).toContainText('60,000 train / 10,000 test', { timeout: 90_000 });
  await expect(page.getByTestId('shard-banner')).toContainText(/part \d of 2/);
  await page.getByRole('button', { name: 'Run sweep' }).click();
  await expect(page.getByRole('button', { name: 'Run sweep' })).toBeVisible({ timeout: 150_000 });
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('share-bar').getByRole('button', { name: 'Download JSON' }).click()]);
  return file.path();
}

test('split across the class: two students run their parts, the lecturer drops both files and sees the whole sweep', async ({ page, browser }) => {
  await openLab(page);
  // Gradient and random at 0 and 90 %, one seed: 3 runs, split 1 + 2.
  await fillTinySweep(page, { thresholds: '0, 90' });
  const sweep = page.getByRole('region', { name: /Remove and retrain/ });
  await sweep.getByRole('checkbox', { name: /Integrated Gradients/ }).uncheck();
  const split = page.getByTestId('class-split');
  await split.getByRole('spinbutton').fill('2');
  await split.getByRole('button', { name: 'Split across the class' }).click();
  const links = await split.getByTestId('class-links').locator('input').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
  expect(links).toHaveLength(2);
  expect(links.map((l) => new URL(l).searchParams.get('shard'))).toEqual(['1/2', '2/2']);

  const student = await browser.newContext({ acceptDownloads: true });
  const parts = [];
  for (const link of links) parts.push(await runPart(await student.newPage(), link));
  const sizes = await Promise.all(parts.map(async (p) => JSON.parse(await (await import('node:fs/promises')).readFile(p, 'utf8')).results.runs.length));
  expect(sizes).toEqual([1, 2]);

  await page.getByTestId('share-file').setInputFiles(parts[0]);
  await expect(page.getByTestId('merged-shards')).toHaveText('Shards in: 1 of 2 · waiting for 2');
  await page.getByTestId('share-file').setInputFiles(parts[1]);
  await expect(page.getByTestId('merged-shards')).toHaveText('Shards in: 1, 2 of 2 · all in');
  await expect(page.getByTestId('share-message')).toContainText('Every shard is in.');
  // The merged table holds every cell: gradient and random at 90 %, and the shared unmasked runs.
  await expect(page.getByTestId('sweep-table')).toContainText('Random');
  await expect(page.getByTestId('sweep-results').locator('h3').first()).toContainText('(shards 1, 2 of 2)');
  await student.close();
});
