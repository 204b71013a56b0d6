/** `--dataset`: every command that trains takes it, read by the sweep's dataset field. */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/roar.ts', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
  });
}

describe('roar --dataset', () => {
  it('trains on Fashion-MNIST and says so', async () => {
    const { code, stdout } = await run(['train', '--dataset', 'fashion', '--epochs', '1', '--train-size', '3000', '--test-size', '500', '--optimizer', 'adam', '--lr', '0.002', '--backend', 'wasm', '--json']);
    expect(code).toBe(0);
    const answer = JSON.parse(stdout) as { dataset: string; testAccuracy: number; testCount: number };
    expect(answer.dataset).toBe('fashion');
    expect(answer.testCount).toBe(500);
    expect(answer.testAccuracy).toBeGreaterThan(0.4);
  });

  it('refuses a dataset it does not know, in the field’s words', async () => {
    const { code, stderr } = await run(['attribute', '--method', 'gradient', '--images', '0', '--dataset', 'shoes']);
    expect(code).toBe(2);
    expect(stderr).toContain('--dataset "shoes": Dataset: one of mnist, fashion.');
  });
});
