/**
 * `roar sanity` through a child process: the JSON answer (and the same in --out), the table in words, and
 * flags refused with the flag named and what it allows. Small sizes: a few seconds a run.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { roar } from '../testing/runCli';
import { readSanityFile } from '../engine/sanity/sanityFile';

const run = (args: string[]) => roar(['sanity', ...args]);

interface Summary {
  mean: number | null;
  defined: number;
}
interface Answer {
  format: string;
  version: number;
  config: { images: number; shuffledLabels: boolean; train: { trainSize: number } };
  methods: { key: string }[];
  stages: { id: string; kind: string }[];
  correlations: { method: string; stage: string; abs: Summary; signed: Summary }[];
  shuffledLabels: { testAccuracy: number };
  maps: { images: number[]; byMethod: Record<string, Record<string, number[][]>> };
  numTensors: number;
}

describe('roar sanity', () => {
  it('answers in one JSON object, the same as --out writes: every method × stage, sobel unchanged, gradient not', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'roar-sanity-')), 'sanity.json');
    const args = ['--methods', 'gradient,sobel', '--images', '8', '--train-size', '3200', '--shuffled-labels', '--gallery', '2', '--json', '--out', file];
    const { code, stdout } = await run(args);
    expect(code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(stdout);
    const a = JSON.parse(stdout) as Answer;
    expect([a.format, a.version]).toEqual(['roar-lab-sanity', 1]);
    expect(a.config).toMatchObject({ images: 8, shuffledLabels: true, train: { trainSize: 3200 } });
    expect(a.methods.map((m) => m.key)).toEqual(['gradient', 'sobel']);
    expect(a.stages.map((s) => s.id)).toEqual([
      'trained',
      ...['fc3', 'fc2', 'fc1', 'conv2', 'conv1'].map((l) => `cascading:${l}`),
      ...['conv1', 'conv2', 'fc1', 'fc2', 'fc3'].map((l) => `independent:${l}`),
      'shuffledLabels',
    ]);
    expect(a.correlations).toHaveLength(2 * 12);
    const rho = (m: string, s: string): number => a.correlations.find((c) => c.method === m && c.stage === s)!.abs.mean!;
    for (const s of a.stages) expect(rho('sobel', s.id), s.id).toBeCloseTo(1, 10);
    expect(rho('gradient', 'trained')).toBe(1);
    expect(rho('gradient', 'cascading:conv1')).toBeLessThan(0.9);
    expect(rho('gradient', 'shuffledLabels')).toBeLessThan(0.9);
    expect(a.shuffledLabels.testAccuracy).toBeLessThan(0.3);
    expect(a.maps.images).toEqual([0, 1]);
    expect(Object.keys(a.maps.byMethod.gradient)).toEqual(a.stages.map((s) => s.id));
    expect(a.maps.byMethod.gradient['cascading:fc2'].map((m) => m.length)).toEqual([784, 784]);
    expect(a.numTensors).toBe(0);

    // The page opens the same file (engine/sanity/sanityFile.ts), and refuses it once altered.
    const opened = readSanityFile(JSON.parse(stdout), 'The file');
    if ('error' in opened) throw new Error(opened.error);
    expect(opened.outcome.checks.methods.map((m) => m.correlations.find((c) => c.stage === 'cascading:conv1')!.abs.mean)).toEqual([rho('gradient', 'cascading:conv1'), rho('sobel', 'cascading:conv1')]);
    expect(opened.outcome.shuffled?.testAccuracy).toBe(a.shuffledLabels.testAccuracy);
    expect(opened.outcome.checks.methods[0].gallery[1]).toEqual(a.maps.byMethod.gradient['cascading:fc3']);
    const cut = JSON.parse(stdout) as Answer;
    cut.correlations.pop();
    expect(readSanityFile(cut, 'The file')).toEqual({ error: 'The file: it must hold one correlation per method and stage.' });
  });

  it('prints a table in words without --json', async () => {
    const { code, stdout } = await run(['--methods', 'sobel', '--images', '4', '--train-size', '640']);
    expect(code).toBe(0);
    expect(stdout).toContain('Spearman ρ');
    expect(stdout).toMatch(/Cascading randomisation[^\n]*\n\s+method\s+trained\s+fc3\s+fc2\s+fc1\s+conv2\s+conv1\n\s+sobel(\s+1\.00){6}\n/);
    expect(stdout).toMatch(/Independent randomisation[^\n]*\n\s+method\s+trained\s+conv1\s+conv2\s+fc1\s+fc2\s+fc3\n/);
    expect(stdout).not.toContain('Shuffled labels');
  });

  it('refuses bad flags, naming the flag and what it allows, before training anything', async () => {
    const images = await run(['--methods', 'gradient', '--images', '0']);
    expect(images.code).toBe(2);
    expect(images.stderr).toContain('--images "0": Images: a whole number from 1 to 10000');
    expect(images.stderr).not.toContain('Training');
    const methods = await run(['--methods', 'gradient,nope']);
    expect(methods.code).toBe(2);
    expect(methods.stderr).toMatch(/--methods "gradient,nope": Methods: unknown method .*nope/);
    const missing = await run(['--images', '5']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--methods is required');
  });
});
