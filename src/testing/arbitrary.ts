/**
 * Seeded generators of valid settings and results, for the property and fuzz tests: every value the page
 * can produce must survive a link or a file unchanged. They draw both "nice" values (0.01, 10 %) and
 * arbitrary doubles, because exactness fails on the latter first.
 */
import { METHOD_IDS, methodInfo, NOISE_BASE_IDS, type FieldInfo, type MethodId } from '../engine/attribution/catalog';
import { TRAIN_FIELD_NAMES, TRAIN_FIELDS } from '../engine/config/trainConfig';
import { BACKEND_NAMES, LOSS_POINTS_PER_EPOCH, NUM_CLASSES, TRAIN_LIMITS, type TrainConfig } from '../engine/defaults';
import { makeRng, type Rng } from '../engine/random';
import { makeBundle, type ResultsBundle } from '../engine/sweep/bundle';
import type { NoRetrainResult, RunResult, SweepResults } from '../engine/sweep/results';
import { MAX_BASE_SEEDS, SWEEP_CONFIG_VERSION, type SweepConfig } from '../engine/sweep/sweepConfig';
import { methodKey, type MethodSpec } from '../engine/attribution/methodSpec';
import { baseSeedsOf, isUnmasked, planRuns, UNMASKED } from '../engine/sweep/sweepPlan';
import { isCollapsed, isUnconverged, type HealthFlag, type RunHealth } from '../engine/training/health';
import type { Field } from '../engine/config/field';
import { MASK_FIELDS } from '../engine/config/maskConfig';
import { SWEEP_FIELDS } from '../engine/sweep/sweepConfig';

/** A random one of a choice field's words. */
const choiceOf = <T,>(g: Gen, field: Field<T>): T => {
  const c = field.control;
  if (c.kind !== 'choice') throw new Error(`${field.label} is not a choice`);
  return g.pick(c.choices) as T;
};
import type { ShareConfig } from '../share/configQuery';

export class Gen {
  readonly rng: Rng;
  constructor(seed: number) {
    this.rng = makeRng(seed);
  }
  bool(p = 0.5): boolean {
    return this.rng() < p;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.rng() * (max - min + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(0, xs.length - 1)];
  }
  /** Half the time a round number, else any double in [min, max] (log-uniform when the range spans decades). */
  number(min: number, max: number, integer: boolean): number {
    if (integer) return this.bool(0.3) ? this.pick([min, max]) : this.int(min, max);
    if (this.bool(0.2)) return this.pick([min, max]);
    if (this.bool(0.3)) return Math.min(max, Math.max(min, Number((min + this.rng() * (max - min)).toFixed(this.int(0, 3)))));
    if (min > 0 && max / min > 100) return Math.min(max, min * (max / min) ** this.rng());
    return min + this.rng() * (max - min);
  }
  text(maxChars: number): string {
    const pieces = ['a', 'Z', ' ', ',', '"', "'", '\n', '=', '+', '-', '@', '<script>alert(1)</script>', 'é', '→', '😀', '\\', '{', '}', '&amp;', '#r='];
    let s = '';
    const n = this.int(0, 12);
    for (let i = 0; i < n; i++) s += this.pick(pieces);
    return s.slice(0, maxChars);
  }
}

function randomTrain(g: Gen): TrainConfig {
  const c: Record<string, unknown> = {};
  for (const f of TRAIN_FIELD_NAMES) {
    const spec = TRAIN_FIELDS[f];
    const c0 = spec.control;
    c[f] = c0.kind === 'choice' ? g.pick(c0.choices) : c0.kind === 'boolean' ? g.bool() : g.number(c0.min, c0.max, c0.kind === 'integer');
  }
  return c as unknown as TrainConfig;
}

function randomValue(g: Gen, spec: FieldInfo): unknown {
  return spec.kind === 'choice' ? g.pick(spec.choices) : g.number(spec.min, spec.max, spec.kind === 'integer');
}

/** Some of a method's fields, set as a form or a person would set them; {} half the time. */
function randomParams(g: Gen, id: MethodId): Record<string, unknown> {
  const info = methodInfo(id);
  const params: Record<string, unknown> = {};
  if (g.bool()) return params;
  for (const [key, spec] of Object.entries(info.fields)) if (g.bool()) params[key] = randomValue(g, spec);
  if (info.wrapsBase && g.bool()) {
    params.base ??= g.pick(NOISE_BASE_IDS);
    params.baseParams = randomParams(g, params.base as MethodId);
  }
  return params;
}

function randomSweep(g: Gen, maxMethods = 6, maxThresholds = 8): SweepConfig {
  const methods: MethodSpec[] = [];
  const keys = new Set<string>();
  const count = g.int(1, maxMethods);
  while (methods.length < count) {
    const spec = { id: g.pick(METHOD_IDS), params: {} as Record<string, unknown> };
    spec.params = randomParams(g, spec.id);
    if (keys.has(methodKey(spec))) continue;
    keys.add(methodKey(spec));
    methods.push(spec);
  }
  const thresholds = new Set<number>();
  const n = g.int(1, maxThresholds);
  for (let i = 0; i < n; i++) thresholds.add(g.bool(0.5) ? g.int(0, 100) / 100 : g.bool(0.2) ? g.pick([0, 1]) : g.rng());
  return {
    version: SWEEP_CONFIG_VERSION,
    dataset: choiceOf(g, SWEEP_FIELDS.dataset),
    methods,
    thresholds: [...thresholds].sort((a, b) => a - b),
    seeds: g.int(1, 20),
    baseSeeds: g.int(1, MAX_BASE_SEEDS),
    mask: {
      rankTransform: choiceOf(g, MASK_FIELDS.rankTransform),
      filter: choiceOf(g, MASK_FIELDS.filter),
      tieBreak: choiceOf(g, MASK_FIELDS.tieBreak),
      tieSeed: g.number(0, TRAIN_LIMITS.seed.max, true),
      mode: choiceOf(g, MASK_FIELDS.mode),
      replacement: choiceOf(g, MASK_FIELDS.replacement),
    },
    target: choiceOf(g, SWEEP_FIELDS.target),
    mapSeed: g.number(0, TRAIN_LIMITS.seed.max, true),
    base: randomTrain(g),
    retrain: randomTrain(g),
    noRetrain: g.bool(),
    maskOnly: g.bool(),
  };
}

export function randomShareConfig(g: Gen): ShareConfig {
  return { train: randomTrain(g), sweep: randomSweep(g), backend: g.bool() ? null : g.pick(BACKEND_NAMES) };
}

/** A health record as a run makes it: the flags that follow from its numbers, and sometimes the others. */
function randomHealth(g: Gen, epochs: number): RunHealth {
  const lossCurve = Array.from({ length: g.int(0, epochs * LOSS_POINTS_PER_EPOCH) }, () => Number(g.number(0, 3, false).toPrecision(4)));
  const h = { predictedClasses: g.int(0, NUM_CLASSES), topClassShare: accuracy(g), finalLoss: lossCurve.length ? lossCurve[lossCurve.length - 1] : null, lossCurve };
  const flags: HealthFlag[] = [];
  if (isCollapsed(h)) flags.push('collapsed');
  if (g.bool(0.2)) flags.push('chance');
  if (isUnconverged(lossCurve)) flags.push('unconverged');
  if (g.bool(0.1)) flags.push('belowBase');
  return { ...h, flags };
}

/** An accuracy as a sweep reports it (correct / n) or any fraction. */
const accuracy = (g: Gen): number => (g.bool() ? g.int(0, 1000) / 1000 : g.bool(0.1) ? g.pick([0, 1]) : g.rng());
const precision = (g: Gen): (number | null)[] => Array.from({ length: NUM_CLASSES }, () => (g.bool(0.1) ? null : accuracy(g)));

/** Results of a random sweep with some of its runs finished; small sweeps by default, so that they fit a link. */
export function randomResults(g: Gen, size: { methods: number; thresholds: number; seeds: number; bases: number } = { methods: 3, thresholds: 3, seeds: 2, bases: 1 }): SweepResults {
  const config = randomSweep(g, size.methods, size.thresholds);
  config.seeds = g.int(1, size.seeds);
  config.baseSeeds = g.int(1, size.bases);
  config.retrain.seed = g.int(0, 1000);
  // Short trainings, so that loss curves stay small enough for a link.
  config.retrain.epochs = g.int(1, 2);
  config.base.epochs = g.int(1, 2);
  const runs: RunResult[] = planRuns(config)
    .filter(() => g.bool(0.8))
    .map((r) => ({
      ...r,
      accuracy: accuracy(g),
      precision: precision(g),
      samplesPerSec: g.number(0, 1e5, false),
      seconds: g.number(0, 1e4, false),
      epochs: g.bool(0.2) ? null : g.int(1, config.retrain.epochs),
      health: g.bool(0.2) ? null : randomHealth(g, config.retrain.epochs),
    }));
  const cells = config.thresholds.flatMap((t) => (isUnmasked(config, t) ? [UNMASKED] : config.methods.map(methodKey)).map((method) => ({ method, t })));
  const noRetrain: NoRetrainResult[] = config.noRetrain
    ? cells.flatMap((c) => baseSeedsOf(config).filter(() => g.bool(0.9)).map((baseSeed) => ({ method: c.method, threshold: c.t, baseSeed, accuracy: accuracy(g), precision: precision(g) })))
    : [];
  const bases = baseSeedsOf(config)
    .filter(() => g.bool(0.8))
    .map((seed) => ({ seed, accuracy: accuracy(g), health: g.bool(0.3) ? null : randomHealth(g, config.base.epochs) }));
  return {
    config,
    runs,
    noRetrain,
    bases,
    provenance: {
      engineVersion: g.pick(['0.1.0', '1.2.3-beta']),
      backend: g.pick(BACKEND_NAMES),
      backendDetails: g.text(200),
      startedAt: new Date(Date.UTC(2026, 0, 1) + g.int(0, 1e10)).toISOString(),
      finishedAt: g.bool(0.3) ? null : new Date(Date.UTC(2026, 6, 1) + g.int(0, 1e10)).toISOString(),
      device: g.text(300),
    },
  };
}

export function randomBundle(g: Gen, size?: Parameters<typeof randomResults>[1]): ResultsBundle {
  return makeBundle(g.text(200), randomResults(g, size));
}
