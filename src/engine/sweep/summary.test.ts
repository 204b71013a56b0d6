/** Verdicts that honour run health and completeness, the spread split, and the record folding (issue 10). */
import { describe, expect, it } from 'vitest';
import { tinySweep } from '../../testing/tinySweep';
import type { HealthFlag, RunHealth } from '../training/health';
import { applySweepEvent, emptyResults, type BaseResult, type NoRetrainResult, type RunResult, type SweepResults } from './results';
import { summariseSweep } from './summary';
import { withRandomBaseline, type SweepConfig } from './sweepConfig';
import { planRuns, type RunSpec } from './sweepPlan';

const healthy = (flags: HealthFlag[] = []): RunHealth => ({ predictedClasses: 10, topClassShare: 0.11, finalLoss: 0.3, lossCurve: [1, 0.5, 0.3], flags });

/** Every planned run of `config`, with accuracy `acc(run)` and health `health(run)`. */
function results(config: SweepConfig, acc: (r: RunSpec) => number, health: (r: RunSpec) => RunHealth | null = () => healthy(), bases: BaseResult[] = []): SweepResults {
  const runs: RunResult[] = planRuns(config).map((r) => ({ ...r, accuracy: acc(r), precision: Array(10).fill(0.5), samplesPerSec: 1, seconds: 1, epochs: 1, health: health(r) }));
  return { config, runs, noRetrain: [], bases, provenance: emptyResults(config, { engineVersion: '', backend: 'wasm', backendDetails: '', startedAt: '', finishedAt: null, device: '' }).provenance };
}

const config = withRandomBaseline(tinySweep({}, {}));
/** Gradient falls faster than random: 0.9 unmasked, gradient 0.6 / 0.3, random 0.85 / 0.6 at 50 / 90 %. */
const accuracy = (r: RunSpec): number =>
  r.method === 'unmasked' ? 0.9 : r.method === 'gradient' ? (r.threshold === 0.5 ? 0.6 : 0.3) + (r.seed % 2) * 0.01 : (r.threshold === 0.5 ? 0.85 : 0.6) + (r.seed % 2) * 0.01;

const verdictOf = (r: SweepResults, key = 'gradient') => summariseSweep(r).find((m) => m.key === key)!;

describe('verdicts', () => {
  it('judge a finished sweep of healthy runs', () => {
    const v = verdictOf(results(config, accuracy));
    expect(v.verdict).toBe('better');
    expect(v.cells.map((c) => c.judgement?.outcome ?? null)).toEqual([null, 'below', 'below']);
  });

  it('are withheld while the random baseline’s cell at a threshold does not exist yet, and show nothing there', () => {
    const r = results(config, accuracy);
    r.runs = r.runs.filter((x) => !(x.method === 'random' && x.threshold === 0.9));
    const v = verdictOf(r);
    expect(v.verdict).toBe('inconclusive');
    expect(v.reason).toMatch(/the random baseline has no runs yet at 90 %/);
    expect(v.cells[2].judgement).toBeNull();
  });

  it('are inconclusive where the method’s or random’s cell is flagged, saying why in words', () => {
    const flagged = results(config, accuracy, (r) => healthy(r.method === 'random' && r.threshold === 0.9 && r.seed === 11 ? ['collapsed', 'chance'] : []));
    const v = verdictOf(flagged);
    expect(v.verdict).toBe('inconclusive');
    expect(v.reason).toMatch(/at 90 % 1 of 2 runs of the random baseline predicted \(almost\) one class or scored no better than guessing the commonest digit/);
    expect(v.reason).toMatch(/So far: below random at 50 %/);
    expect(v.cells[2].judgement?.outcome).toBe('inconclusive');
    expect(v.cells[1].judgement?.outcome).toBe('below');
    const own = verdictOf(results(config, accuracy, (r) => healthy(r.method === 'gradient' && r.threshold === 0.5 ? ['unconverged'] : [])));
    expect(own.reason).toMatch(/at 50 % 2 of 2 runs of this method stopped before the loss settled/);
  });

  it('are inconclusive while a cell has fewer runs than planned', () => {
    const r = results(config, accuracy);
    r.runs = r.runs.filter((x) => !(x.method === 'gradient' && x.threshold === 0.5 && x.seed === 12));
    expect(verdictOf(r).reason).toMatch(/at 50 % this method has 1 of its 2 runs/);
  });

  it('are all inconclusive when a base model or the unmasked retrain did not learn', () => {
    const base = results(config, accuracy, () => healthy(), [{ seed: 1, accuracy: 0.1, health: healthy(['collapsed']) }]);
    expect(verdictOf(base).reason).toMatch(/base model 1 predicted \(almost\) one class/);
    const unmasked = results(config, accuracy, (r) => healthy(r.method === 'unmasked' ? ['belowBase'] : []));
    expect(verdictOf(unmasked).verdict).toBe('inconclusive');
    expect(verdictOf(unmasked).reason).toMatch(/retrains on unmasked images fell more than 2 points short of the base model/);
  });

  it('withhold "above random" where the removal pattern alone scores as high as random (the outline effect), not "below"', () => {
    const withMask = { ...config, maskOnly: true };
    // Gradient above random at both thresholds (Fashion-MNIST's case); its mask-only twin at 0.92 / 0.7.
    const above = (r: RunSpec): number =>
      r.method === 'unmasked' ? 0.8 : r.kind === 'maskOnly' ? (r.method === 'random' ? 0.1 : r.threshold === 0.5 ? 0.92 : 0.55) : r.method === 'gradient' ? (r.threshold === 0.5 ? 0.92 : 0.75) : r.threshold === 0.5 ? 0.76 : 0.65;
    const v = verdictOf(results(withMask, above));
    expect(v.cells.map((c) => c.judgement?.outcome ?? null)).toEqual([null, 'inconclusive', 'above']);
    expect(v.verdict).toBe('inconclusive');
    expect(v.reason).toMatch(/at 50 % the removal pattern alone scores 92\.0 %, no less than random's retrain \(76\.0 %\): the cell measures the outline/);
    // Below random, a leaking outline only works against the method: the verdict stands.
    const below = (r: RunSpec): number => (r.kind === 'maskOnly' && r.method === 'gradient' ? 0.9 : accuracy(r));
    expect(verdictOf(results(withMask, below)).verdict).toBe('better');
    // Without the control, a "worse" verdict says what would check it.
    const worse = verdictOf(results(config, above));
    expect(worse.verdict).toBe('worse');
    expect(worse.reason).toMatch(/The mask-only control would show whether the shape of what was removed lifts it\./);
  });

  it('still judge results that recorded no health, and say so', () => {
    const v = verdictOf(results(config, accuracy, () => null));
    expect(v.verdict).toBe('better');
    expect(v.reason).toMatch(/do not record whether their models learnt/);
  });
});

describe('cells', () => {
  it('split the spread into base models and retrain seeds, and carry the mask-only control', () => {
    const two: SweepConfig = { ...config, baseSeeds: 2, maskOnly: true };
    // Base model 2's maps remove 10 points more; seeds add ±0.01.
    const r = results(two, (run) => (run.kind === 'maskOnly' ? 0.2 : accuracy(run) - (run.baseSeed === 2 ? 0.1 : 0)));
    const cell = summariseSweep(r).find((m) => m.key === 'gradient')!.cells[2];
    expect(cell.planned).toBe(4);
    expect(cell.accuracies).toHaveLength(4);
    expect(cell.spread.betweenBases).toBeCloseTo(Math.SQRT1_2 * 0.1, 9);
    expect(cell.spread.withinBases).toBeCloseTo(Math.SQRT1_2 * 0.01, 9);
    expect(cell.maskOnly).toEqual({ mean: 0.2, std: 0, n: 4 });
    const unmasked = summariseSweep(r)[0].cells[0];
    expect(unmasked.planned).toBe(2);
    expect(unmasked.maskOnly).toBeNull();
  });

  it('notice a no-retrain curve that rises again as more pixels go (the outline effect)', () => {
    const r = results(config, accuracy);
    const nr = (method: string, threshold: number, accuracy_: number): NoRetrainResult => ({ method, threshold, baseSeed: 1, accuracy: accuracy_, precision: Array(10).fill(null) });
    r.noRetrain = [nr('unmasked', 0, 0.95), nr('gradient', 0.5, 0.3), nr('gradient', 0.9, 0.5), nr('random', 0.5, 0.8), nr('random', 0.9, 0.4)];
    const s = summariseSweep(r);
    expect(s.find((m) => m.key === 'gradient')!.outlineEffect).toBe(true);
    expect(s.find((m) => m.key === 'random')!.outlineEffect).toBe(false);
  });
});

describe('folding a running sweep’s events into its results', () => {
  it('keeps each run, base model and no-retrain score once, the latest winning', () => {
    let r = emptyResults(config, { engineVersion: '', backend: 'wasm', backendDetails: '', startedAt: '', finishedAt: null, device: '' });
    const run = results(config, accuracy).runs[0];
    r = applySweepEvent(r, { type: 'run', run });
    r = applySweepEvent(r, { type: 'run', run: { ...run, accuracy: 0.5 } });
    r = applySweepEvent(r, { type: 'base', base: { seed: 2, accuracy: 0.9, health: null } });
    r = applySweepEvent(r, { type: 'base', base: { seed: 1, accuracy: 0.8, health: null } });
    r = applySweepEvent(r, { type: 'base', base: { seed: 1, accuracy: 0.7, health: null } });
    const nr: NoRetrainResult = { method: 'random', threshold: 0.5, baseSeed: 1, accuracy: 0.3, precision: [] };
    r = applySweepEvent(applySweepEvent(r, { type: 'noRetrain', result: nr }), { type: 'noRetrain', result: { ...nr, accuracy: 0.4 } });
    expect(r.runs.map((x) => x.accuracy)).toEqual([0.5]);
    expect(r.bases.map((b) => [b.seed, b.accuracy])).toEqual([[1, 0.7], [2, 0.9]]);
    expect(r.noRetrain.map((x) => x.accuracy)).toEqual([0.4]);
  });
});
