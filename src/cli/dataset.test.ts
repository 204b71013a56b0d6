/** `--dataset`: every command that trains takes it, read by the sweep's dataset field. */
import { describe, expect, it } from 'vitest';
import { roar } from '../testing/runCli';


describe('roar --dataset', () => {
  it('trains on Fashion-MNIST and says so', async () => {
    const { code, stdout } = await roar(['train', '--dataset', 'fashion', '--epochs', '1', '--train-size', '3000', '--test-size', '500', '--optimizer', 'adam', '--lr', '0.002', '--backend', 'wasm', '--json']);
    expect(code).toBe(0);
    const answer = JSON.parse(stdout) as { dataset: string; testAccuracy: number; testCount: number };
    expect(answer.dataset).toBe('fashion');
    expect(answer.testCount).toBe(500);
    expect(answer.testAccuracy).toBeGreaterThan(0.4);
  });

  it('refuses a dataset it does not know, in the field’s words', async () => {
    const { code, stderr } = await roar(['attribute', '--method', 'gradient', '--images', '0', '--dataset', 'shoes']);
    expect(code).toBe(2);
    expect(stderr).toContain('--dataset "shoes": Dataset: one of mnist, fashion.');
  });
});
