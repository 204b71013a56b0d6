/**
 * `roar sweep --resume`: a sweep stopped part-way (here: a bundle with runs taken out) is finished from its
 * bundle, running only what is missing, and ends with the numbers of the sweep run in one go.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { roar } from '../testing/runCli';
import type { ResultsBundle } from '../engine/sweep/bundle';


const SWEEP = ['sweep', '--preset', 'lecture', '--methods', 'gradient', '--thresholds', '0,50', '--seeds', '1', '--base-seeds', '2', '--base-train-size', '1200', '--base-epochs', '1', '--retrain-train-size', '600', '--retrain-test-size', '200', '--retrain-epochs', '1', '--backend', 'wasm', '--workers', '1'];
const read = (file: string): ResultsBundle => JSON.parse(readFileSync(file, 'utf8')) as ResultsBundle;
const accuracies = (b: ResultsBundle): Record<string, number> => Object.fromEntries(b.results.runs.map((r) => [r.key, r.accuracy]));

describe('roar sweep --resume', () => {
  it('runs only the runs a bundle lacks and gives the one-go sweep’s numbers; refuses a bundle of other settings', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'roar-resume-'));
    const whole = join(dir, 'whole.json');
    expect((await roar([...SWEEP, '--out', whole])).code).toBe(0);
    const full = read(whole);
    expect(full.results.runs).toHaveLength(5);

    // Stopped after the first base model: its runs and the shared unmasked one are in, the second's are not.
    const part = structuredClone(full);
    part.results.runs = part.results.runs.filter((r) => r.baseSeed !== 2);
    part.results.bases = part.results.bases.filter((b) => b.seed !== 2);
    part.results.noRetrain = part.results.noRetrain.filter((r) => r.baseSeed !== 2);
    const partial = join(dir, 'partial.json');
    writeFileSync(partial, JSON.stringify(part));
    const resumed = join(dir, 'resumed.json');
    const out = await roar([...SWEEP, '--resume', partial, '--out', resumed]);
    expect(out.code).toBe(0);
    expect(out.stderr).toContain('5 retraining runs (3 kept from');
    // Base model 1 is not trained again: only the second base model's runs were reported.
    expect(out.stderr).not.toContain('base model 1:');
    expect(out.stderr.match(/^run /gm)).toHaveLength(2);
    const again = read(resumed);
    expect(accuracies(again)).toEqual(accuracies(full));
    expect(again.results.bases.map((b) => b.accuracy)).toEqual(full.results.bases.map((b) => b.accuracy));
    expect(again.verdicts).toEqual(full.verdicts);

    const other = await roar([...SWEEP.map((a) => (a === '0,50' ? '0,90' : a)), '--resume', partial, '--out', join(dir, 'x.json')]);
    expect(other.code).not.toBe(0);
    expect(other.stderr).toContain('its sweep differs from this one in thresholds');
  }, 240_000);
});
