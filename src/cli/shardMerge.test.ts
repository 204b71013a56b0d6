/**
 * Sharded sweeps (issue 15): two shards of a small sweep run as separate processes at once, `roar merge`
 * unites their bundles, and the result equals the sweep run in one go, run by run; overlapping, mismatched or
 * stranger parts are refused with a message that names them, and a partial merge says which shard is missing.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { roar } from '../testing/runCli';
import type { ResultsBundle } from '../engine/sweep/bundle';


const SWEEP = ['sweep', '--preset', 'lecture', '--methods', 'gradient', '--thresholds', '0,50', '--seeds', '1', '--base-seeds', '2', '--base-train-size', '1200', '--base-epochs', '1', '--retrain-train-size', '600', '--retrain-test-size', '200', '--retrain-epochs', '1', '--backend', 'wasm', '--workers', '1'];
const read = (file: string): ResultsBundle => JSON.parse(readFileSync(file, 'utf8')) as ResultsBundle;
/** What must be the same, run by run: everything but how long it took. */
const facts = (b: ResultsBundle) =>
  Object.fromEntries(b.results.runs.map(({ samplesPerSec: _s, seconds: _t, ...r }) => [r.key, r]));

describe('sharded sweeps', () => {
  it('two shards in parallel, merged, equal the one-go sweep run by run; overlaps, strangers and gaps are named', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'roar-shards-'));
    const f = (name: string): string => join(dir, name);
    const [whole, one, two] = await Promise.all([
      roar([...SWEEP, '--out', f('whole.json')]),
      roar([...SWEEP, '--shard', '1/2', '--out', f('1.json')]),
      roar([...SWEEP, '--shard', '2/2', '--out', f('2.json')]),
    ]);
    expect([whole.code, one.code, two.code]).toEqual([0, 0, 0]);
    expect(one.stderr).toContain('sweep: 2 retraining runs (shard 1/2 of 5)');
    expect(two.stderr).toContain('sweep: 3 retraining runs (shard 2/2 of 5)');
    expect(read(f('1.json')).results.provenance.shard).toEqual({ index: 1, count: 2 });

    const merged = await roar(['merge', f('2.json'), f('1.json'), '--out', f('all.json')]);
    expect(merged.code).toBe(0);
    expect(merged.stderr).toContain('merged 2 part(s): 5 runs; complete');
    const all = read(f('all.json'));
    const one_ = read(f('whole.json'));
    expect(facts(all)).toEqual(facts(one_));
    // In plan order, as the one-go sweep on one worker finished them.
    expect(all.results.runs.map((r) => r.key)).toEqual(one_.results.runs.map((r) => r.key));
    expect(all.results.bases).toEqual(one_.results.bases);
    const byKey = (b: ResultsBundle) => Object.fromEntries(b.results.noRetrain.map((r) => [`${r.method}|${r.threshold}|${r.baseSeed}`, r]));
    expect(byKey(all)).toEqual(byKey(one_));
    expect(all.verdicts).toEqual(one_.verdicts);
    expect(all.results.provenance.parts?.map((p) => p.shard)).toEqual([{ index: 1, count: 2 }, { index: 2, count: 2 }]);

    // A partial merge is written, and says what is missing.
    const partial = await roar(['merge', f('1.json'), '--out', f('half.json')]);
    expect(partial.code).toBe(0);
    expect(partial.stderr).toContain('merged 1 part(s): 2 runs; 3 runs missing (shard 2 of 2)');
    // The same part twice overlaps; a part of another sweep is a stranger.
    const twice = await roar(['merge', f('1.json'), f('1.json')]);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('1.json and 1.json are both shard 1/2.');
    const other = read(f('2.json'));
    other.results.provenance.backend = 'cpu';
    writeFileSync(f('other.json'), JSON.stringify(other));
    const stranger = await roar(['merge', f('1.json'), f('other.json')]);
    expect(stranger.code).toBe(2);
    expect(stranger.stderr).toContain('other.json was computed with backend cpu, 1.json with wasm: their numbers cannot be one sweep’s.');
  }, 300_000);
});
