import { expect, test } from '@playwright/test';

test('a missing MNIST file gives a clear message, not a blank page', async ({ page, context }) => {
  await context.route('**/data/train-labels-idx1-ubyte.gz', (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.goto('/');
  await expect(page.getByTestId('data-error')).toContainText('train-labels-idx1-ubyte.gz is missing (HTTP 404)', { timeout: 60_000 });
  await expect(page.getByRole('heading', { name: 'ROAR Lab' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeDisabled();
});

test('a corrupt MNIST file (wrong magic number) names the problem', async ({ page, context }) => {
  await context.route('**/data/t10k-labels-idx1-ubyte.gz', (route) =>
    route.fulfill({ status: 200, contentType: 'application/octet-stream', body: Buffer.from([0, 0, 8, 3, 0, 0, 0, 1, 7]) }),
  );
  await page.goto('/');
  await expect(page.getByTestId('data-error')).toContainText('MNIST test labels: wrong magic number 0x00000803, expected 0x00000801', { timeout: 60_000 });
});

test('a truncated gzip file is reported as corrupt', async ({ page, context }) => {
  await context.route('**/data/t10k-labels-idx1-ubyte.gz', (route) =>
    route.fulfill({ status: 200, contentType: 'application/octet-stream', body: Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2]) }),
  );
  await page.goto('/');
  await expect(page.getByTestId('data-error')).toContainText('t10k-labels-idx1-ubyte.gz is corrupt', { timeout: 60_000 });
});
