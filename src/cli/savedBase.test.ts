/**
 * `roar train --save` and `roar sweep --base` (issue 15): a base model trained once and handed to a sweep gives
 * the numbers of the sweep that trains it itself; a changed weights file, or a model of other settings, is
 * refused with the reason.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { roar } from '../testing/runCli';
import type { ResultsBundle } from '../engine/sweep/bundle';


const SWEEP = ['sweep', '--preset', 'lecture', '--methods', 'gradient', '--thresholds', '0,50', '--seeds', '1', '--base-train-size', '1200', '--base-epochs', '1', '--retrain-train-size', '600', '--retrain-test-size', '200', '--retrain-epochs', '1', '--backend', 'wasm', '--workers', '1'];
/** The Lecture preset's base settings with the sweep's flags: what roar train must be given to make its base model. */
const TRAIN = ['train', '--optimizer', 'adam', '--lr', '0.002', '--epochs', '1', '--train-size', '1200', '--backend', 'wasm'];
const accuracies = (file: string) => Object.fromEntries((JSON.parse(readFileSync(file, 'utf8')) as ResultsBundle).results.runs.map((r) => [r.key, r.accuracy]));

describe('saved base models', () => {
  it('are used instead of training, give the same numbers, and are refused when changed or of other settings', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'roar-base-'));
    const base = join(dir, 'base1');
    const [saved, plain] = await Promise.all([roar([...TRAIN, '--seed', '1', '--save', base]), roar([...SWEEP, '--out', join(dir, 'plain.json')])]);
    expect([saved.code, plain.code]).toEqual([0, 0]);
    expect(saved.stderr).toContain(`saved the base model to ${base}`);
    expect(JSON.parse(readFileSync(join(base, 'model.json'), 'utf8')).weightsManifest[0].weights.map((w: { name: string }) => w.name)).toContain('conv1/kernel');

    const used = await roar([...SWEEP, '--base', base, '--out', join(dir, 'based.json')]);
    expect(used.code).toBe(0);
    expect(used.stderr).toContain(`base model 1: from ${base}`);
    expect(used.stderr).not.toContain('Training base model');
    expect(accuracies(join(dir, 'based.json'))).toEqual(accuracies(join(dir, 'plain.json')));

    const other = join(dir, 'other');
    expect((await roar([...TRAIN.map((a) => (a === '1200' ? '1300' : a)), '--seed', '1', '--save', other])).code).toBe(0);
    const wrong = await roar([...SWEEP, '--base', other]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain("not one of this sweep's base models (seeds 1); its trainSize differs from the sweep's base settings");

    const bytes = readFileSync(join(base, 'weights.bin'));
    bytes[100] ^= 1;
    writeFileSync(join(base, 'weights.bin'), bytes);
    const changed = await roar([...SWEEP, '--base', base]);
    expect(changed.code).toBe(2);
    expect(changed.stderr).toContain('weights.bin does not match the hash in model.json');
  }, 240_000);
});
