/** Merging shards' results: every run once, in plan order; overlaps, strangers and disagreements refused by name. */
import { describe, expect, it } from 'vitest';
import { tinySweep } from '../../testing/tinySweep';
import { mergeResults } from './mergeResults';
import { emptyResults, type RunResult, type SweepResults } from './results';
import { withRandomBaseline } from './sweepConfig';
import { planRuns, shardOfRuns, type RunSpec } from './sweepPlan';

const config = withRandomBaseline({ ...tinySweep({}, {}), baseSeeds: 2 });
const plan = planRuns(config);
const run = (r: RunSpec): RunResult => ({ ...r, accuracy: 0.5 + (r.seed % 7) / 100, precision: Array(10).fill(0.5), samplesPerSec: 1, seconds: 1, epochs: 1, health: null });
const part = (runs: RunSpec[], shard?: { index: number; count: number }, baseAccuracy = 0.9): SweepResults => ({
  ...emptyResults(config, { engineVersion: '1', backend: 'wasm', backendDetails: '', startedAt: '2026-12-02T00:00:00.000Z', finishedAt: '2026-12-02T01:00:00.000Z', device: 'd', ...(shard && { shard }) }),
  runs: runs.map(run),
  bases: [{ seed: 1, accuracy: baseAccuracy, health: null }],
});

describe('shards of a plan', () => {
  it('are contiguous blocks that cover the plan once, sizes within one', () => {
    for (const n of [1, 2, 3, 7]) {
      const shards = Array.from({ length: n }, (_, i) => shardOfRuns(plan, i + 1, n));
      expect(shards.flat().map((r) => r.key)).toEqual(plan.map((r) => r.key));
      const sizes = shards.map((s) => s.length);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    }
  });
});

describe('mergeResults', () => {
  it('unites shards in plan order, whatever order they come in, and says which are missing', () => {
    const [a, b, c] = [1, 2, 3].map((i) => part(shardOfRuns(plan, i, 3), { index: i, count: 3 }));
    const m = mergeResults([{ name: 'c', results: c }, { name: 'a', results: a }, { name: 'b', results: b }]);
    if ('error' in m) throw new Error(m.error);
    expect(m.results.runs.map((r) => r.key)).toEqual(plan.map((r) => r.key));
    expect(m.missingShards).toEqual([]);
    expect(m.results.provenance.parts?.map((p) => p.name)).toEqual(['a', 'b', 'c']);
    expect(m.results.provenance.shard).toBeUndefined();
    const partial = mergeResults([{ name: 'a', results: a }, { name: 'c', results: c }]);
    expect('error' in partial ? partial.error : [partial.missingShards, partial.missingRuns, partial.results.provenance.finishedAt]).toEqual([[2], shardOfRuns(plan, 2, 3).length, null]);
  });

  it('refuses overlaps, runs outside a part’s shard, other sweeps and other base models, naming the parts', () => {
    const half = plan.slice(0, 4);
    expect(mergeResults([{ name: 'x.json', results: part(half) }, { name: 'y.json', results: part(plan.slice(3)) }])).toEqual({ error: `y.json and x.json both hold run ${plan[3].key}: the parts overlap.` });
    expect(mergeResults([{ name: 'x.json', results: part(plan, { index: 1, count: 3 }) }])).toMatchObject({ error: expect.stringContaining('which is not in its shard 1/3') });
    const other = { ...part(plan.slice(4)), config: { ...config, seeds: 3 } };
    expect(mergeResults([{ name: 'x.json', results: part(half) }, { name: 'z.json', results: other }])).toEqual({ error: 'z.json ran another sweep than x.json: its seeds differ.' });
    expect(mergeResults([{ name: 'x.json', results: part(half) }, { name: 'w.json', results: part(plan.slice(4), undefined, 0.8) }])).toMatchObject({ error: expect.stringContaining('w.json and x.json trained different base models 1') });
  });
});
