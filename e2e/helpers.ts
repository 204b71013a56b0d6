import { expect, type Page } from '@playwright/test';

/** Opens the lab and waits until the backend and MNIST are ready. */
export async function openLab(page: Page, query = ''): Promise<void> {
  await page.goto(`/${query}`);
  await expect(page.getByTestId('data-status')).toContainText('60,000 train / 10,000 test', { timeout: 90_000 });
  await expect(page.getByTestId('backend')).not.toContainText('starting');
}

export async function fillTraining(page: Page, values: Record<string, string | number>): Promise<void> {
  for (const [name, value] of Object.entries(values)) await page.fill(`input[name=${name}]`, String(value));
}
