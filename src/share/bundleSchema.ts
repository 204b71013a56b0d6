/**
 * A results bundle (engine/sweep/bundle.ts) read from an untrusted file or link: the format and version,
 * then every field of the results, each against its type and range, and every run against the sweep's own
 * plan (its kind, method, threshold, seed and base model must be one the configuration would run, each
 * once). Health flags that follow from the recorded numbers are checked against them, and the verdicts are
 * recomputed from the runs: a file whose verdicts do not follow from its runs is refused. What passes is
 * rebuilt field by field, so it is exactly a ResultsBundle and nothing else. Version 1 bundles (before base
 * models and run health) still open: they are read as the version 2 bundle that says the same, with health
 * unknown.
 */
import { BACKEND_NAMES, LOSS_POINTS_PER_EPOCH, NUM_CLASSES } from '../engine/defaults';
import { BUNDLE_FORMAT, BUNDLE_VERSION, type BundleVerdict, type ResultsBundle } from '../engine/sweep/bundle';
import type { BaseResult, NoRetrainResult, Provenance, RunResult, SweepResults } from '../engine/sweep/results';
import { summariseSweep, verdictsOf, VERDICTS } from '../engine/sweep/summary';
import { methodKey, type SweepConfig } from '../engine/sweep/sweepConfig';
import { baseSeedsOf, isUnmasked, planRuns, runKey, UNMASKED } from '../engine/sweep/sweepPlan';
import { HEALTH_FLAGS, isCollapsed, isUnconverged, type RunHealth } from '../engine/training/health';
import { MAX_TEXT_CHARS, MAX_TITLE_CHARS } from './limits';
import { describe, fail, fraction, isPlainRecord, list, nullable, number, oneOf, record, SchemaError, text } from './schemaReader';
import { readSweepConfig, upgradeConfigV1 } from './sweepConfigSchema';

/** Engine versions are short ("0.1.0"); dates are ISO strings (24 characters). */
const MAX_SHORT_TEXT = 40;
/** A run's throughput and duration: finite and non-negative; a billion images/s or a year of training is not real. */
const MAX_RATE = 1e9;
const MAX_SECONDS = 3.2e7;
/** A training loss far beyond any this net reaches without diverging (ln 10 ≈ 2.3 is chance). */
const MAX_LOSS = 1e6;
/** A verdict's reason: a few sentences. */
const MAX_REASON_CHARS = 4_000;

const precision = (v: unknown, path: string): (number | null)[] =>
  list(v, path, NUM_CLASSES, NUM_CLASSES).map((p, i) => nullable(p, (x) => fraction(x, `${path}[${i}]`)));

function date(v: unknown, path: string): string {
  const s = text(v, path, MAX_SHORT_TEXT);
  if (!Number.isFinite(Date.parse(s))) fail(path, `must be a date; got ${describe(s)}.`);
  return s;
}

/** A model's health record; `epochs` bounds its loss curve. Flags that follow from the numbers must agree with them. */
function readHealth(v: unknown, path: string, epochs: number): RunHealth {
  const o = record(v, path, ['predictedClasses', 'topClassShare', 'finalLoss', 'lossCurve', 'flags']);
  // A diverged loss is NaN, which JSON writes as null.
  const loss = (x: unknown, p: string): number => (x === null ? Number.NaN : number(x, p, 0, MAX_LOSS));
  const lossCurve = list(o.lossCurve, `${path}.lossCurve`, 0, epochs * LOSS_POINTS_PER_EPOCH).map((x, i) => loss(x, `${path}.lossCurve[${i}]`));
  const flags = list(o.flags, `${path}.flags`, 0, HEALTH_FLAGS.length).map((f, i) => oneOf(f, `${path}.flags[${i}]`, HEALTH_FLAGS));
  if (new Set(flags).size !== flags.length) fail(`${path}.flags`, 'name a flag twice.');
  const health: RunHealth = {
    predictedClasses: number(o.predictedClasses, `${path}.predictedClasses`, 0, NUM_CLASSES, true),
    topClassShare: fraction(o.topClassShare, `${path}.topClassShare`),
    finalLoss: nullable(o.finalLoss, (x) => number(x, `${path}.finalLoss`, 0, MAX_LOSS)),
    lossCurve,
    flags,
  };
  const last = lossCurve.length ? lossCurve[lossCurve.length - 1] : null;
  if (!(health.finalLoss === last || (health.finalLoss === null && last !== null && Number.isNaN(last)))) fail(`${path}.finalLoss`, 'must be the last point of the loss curve.');
  if (isCollapsed(health) !== flags.includes('collapsed')) fail(`${path}.flags`, 'do not agree with the predicted classes recorded (collapsed).');
  if (isUnconverged(lossCurve) !== flags.includes('unconverged')) fail(`${path}.flags`, 'do not agree with the loss curve recorded (unconverged).');
  return health;
}

function readRuns(v: unknown, path: string, config: SweepConfig): RunResult[] {
  const plan = new Map(planRuns(config).map((r) => [r.key, r]));
  const seen = new Set<string>();
  return list(v, path, 0, plan.size).map((raw, i): RunResult => {
    const p = `${path}[${i}]`;
    const o = record(raw, p, ['key', 'kind', 'method', 'threshold', 'seed', 'baseSeed', 'accuracy', 'precision', 'samplesPerSec', 'seconds', 'epochs', 'health']);
    const key = typeof o.key === 'string' ? o.key : fail(`${p}.key`, `must be text; got ${describe(o.key)}.`);
    const spec = plan.get(key) ?? fail(`${p}.key`, `names no run of this sweep's configuration; got ${describe(key)}.`);
    if (seen.has(key)) fail(`${p}.key`, `repeats the run ${describe(key)}.`);
    seen.add(key);
    for (const f of ['kind', 'method', 'threshold', 'seed', 'baseSeed'] as const) {
      if (o[f] !== spec[f]) fail(`${p}.${f}`, `must be ${describe(spec[f])} for the run ${describe(key)}; got ${describe(o[f])}.`);
    }
    return {
      ...spec,
      accuracy: fraction(o.accuracy, `${p}.accuracy`),
      precision: precision(o.precision, `${p}.precision`),
      samplesPerSec: number(o.samplesPerSec, `${p}.samplesPerSec`, 0, MAX_RATE),
      seconds: number(o.seconds, `${p}.seconds`, 0, MAX_SECONDS),
      epochs: nullable(o.epochs, (x) => number(x, `${p}.epochs`, 1, config.retrain.epochs, true)),
      health: nullable(o.health, (x) => readHealth(x, `${p}.health`, config.retrain.epochs)),
    };
  });
}

function readBases(v: unknown, path: string, config: SweepConfig): BaseResult[] {
  const seeds = baseSeedsOf(config);
  const seen = new Set<number>();
  return list(v, path, 0, seeds.length).map((raw, i): BaseResult => {
    const p = `${path}[${i}]`;
    const o = record(raw, p, ['seed', 'accuracy', 'health']);
    if (typeof o.seed !== 'number' || !seeds.includes(o.seed)) fail(`${p}.seed`, `must be one of this sweep's base seeds (${seeds.join(', ')}); got ${describe(o.seed)}.`);
    if (seen.has(o.seed)) fail(`${p}.seed`, `repeats the base model ${o.seed}.`);
    seen.add(o.seed);
    return { seed: o.seed, accuracy: fraction(o.accuracy, `${p}.accuracy`), health: nullable(o.health, (x) => readHealth(x, `${p}.health`, config.base.epochs)) };
  });
}

const cellKey = (method: string, threshold: number, baseSeed: unknown): string => `${method}|${threshold}|${String(baseSeed)}`;

function readNoRetrain(v: unknown, path: string, config: SweepConfig): NoRetrainResult[] {
  const keys = config.methods.map(methodKey);
  const seeds = baseSeedsOf(config);
  const cells = new Map(
    config.thresholds.flatMap((t) =>
      (isUnmasked(config, t) ? [UNMASKED] : keys).flatMap((method) => seeds.map((baseSeed) => [cellKey(method, t, baseSeed), { method, t, baseSeed }] as const)),
    ),
  );
  const seen = new Set<string>();
  return list(v, path, 0, cells.size).map((raw, i): NoRetrainResult => {
    const p = `${path}[${i}]`;
    const o = record(raw, p, ['method', 'threshold', 'baseSeed', 'accuracy', 'precision']);
    const id = typeof o.method === 'string' && typeof o.threshold === 'number' ? cellKey(o.method, o.threshold, o.baseSeed) : '';
    const cell = cells.get(id);
    if (!cell) fail(p, `scores no cell of this sweep (method ${describe(o.method)} at threshold ${describe(o.threshold)}, base model ${describe(o.baseSeed)}).`);
    if (seen.has(id)) fail(p, 'scores a cell a second time.');
    seen.add(id);
    return { method: cell.method, threshold: cell.t, baseSeed: cell.baseSeed, accuracy: fraction(o.accuracy, `${p}.accuracy`), precision: precision(o.precision, `${p}.precision`) };
  });
}

function readProvenance(v: unknown, path: string): Provenance {
  const o = record(v, path, ['engineVersion', 'backend', 'backendDetails', 'startedAt', 'finishedAt', 'device']);
  return {
    engineVersion: text(o.engineVersion, `${path}.engineVersion`, MAX_SHORT_TEXT),
    backend: oneOf(o.backend, `${path}.backend`, BACKEND_NAMES),
    backendDetails: text(o.backendDetails, `${path}.backendDetails`, MAX_TEXT_CHARS),
    startedAt: date(o.startedAt, `${path}.startedAt`),
    finishedAt: nullable(o.finishedAt, (x) => date(x, `${path}.finishedAt`)),
    device: text(o.device, `${path}.device`, MAX_TEXT_CHARS),
  };
}

function readResults(v: unknown, path: string): SweepResults {
  const o = record(v, path, ['config', 'runs', 'noRetrain', 'bases', 'provenance']);
  const config = readSweepConfig(o.config, `${path}.config`);
  return {
    config,
    runs: readRuns(o.runs, `${path}.runs`, config),
    noRetrain: readNoRetrain(o.noRetrain, `${path}.noRetrain`, config),
    bases: readBases(o.bases, `${path}.bases`, config),
    provenance: readProvenance(o.provenance, `${path}.provenance`),
  };
}

/**
 * Version 1 results as version 2 has them: runs gain their kind, base model and an unknown health; each
 * no-retrain score its base model (one cell scored twice by a resumed sweep keeps the later score); the base
 * accuracy becomes the one base model. Fields are copied as found: readResults checks them all afterwards.
 */
function upgradeResultsV1(v: unknown): unknown {
  if (!isPlainRecord(v)) return v;
  const config = upgradeConfigV1(v.config);
  const baseSeed = isPlainRecord(config) && isPlainRecord(config.base) ? config.base.seed : undefined;
  const { baseAccuracy, ...rest } = v;
  const runs = Array.isArray(v.runs)
    ? v.runs.map((r: unknown) => {
        if (!isPlainRecord(r)) return r;
        const runBase = r.method === UNMASKED ? null : baseSeed;
        const oldKey = `${String(r.method)}|${String(r.threshold)}|${String(r.seed)}`;
        const key = r.key === oldKey && typeof r.method === 'string' && typeof r.threshold === 'number' && typeof r.seed === 'number' && (runBase === null || typeof runBase === 'number') ? runKey('retrain', r.method, r.threshold, r.seed, runBase) : r.key;
        return { ...r, key, kind: 'retrain', baseSeed: runBase, epochs: null, health: null };
      })
    : v.runs;
  const noRetrain = Array.isArray(v.noRetrain)
    ? [...new Map(v.noRetrain.map((r: unknown, i: number) => (isPlainRecord(r) ? [`${String(r.method)}|${String(r.threshold)}`, { ...r, baseSeed }] : [`#${i}`, r]))).values()]
    : v.noRetrain;
  const bases = baseAccuracy === null ? [] : [{ seed: baseSeed, accuracy: baseAccuracy, health: null }];
  return { ...rest, config, runs, noRetrain, bases };
}

/** The bundle's verdicts must be the ones its runs give; the recomputed ones (with their reasons) are kept. */
function checkVerdicts(v: unknown, path: string, expected: BundleVerdict[]): BundleVerdict[] {
  const found = list(v, path, expected.length, expected.length).map((raw, i) => {
    const o = record(raw, `${path}[${i}]`, ['method', 'verdict', 'reason']);
    text(o.reason, `${path}[${i}].reason`, MAX_REASON_CHARS);
    return { method: text(o.method, `${path}[${i}].method`, MAX_TEXT_CHARS), verdict: oneOf(o.verdict, `${path}[${i}].verdict`, VERDICTS) };
  });
  found.forEach((f, i) => {
    const e = expected[i];
    if (f.method !== e.method || f.verdict !== e.verdict) fail(`${path}[${i}]`, `does not follow from the runs: they give ${describe(e.method)} the verdict “${e.verdict}”, the file says ${describe(f.method)} “${f.verdict}”.`);
  });
  return expected;
}

/** The bundle `v` holds, or a message naming the first field that is wrong and why; `what` names the whole ("The file"). */
export function readBundle(v: unknown, what: string): { bundle: ResultsBundle } | { error: string } {
  try {
    if (!isPlainRecord(v)) fail(what, `must be an object; got ${describe(v)}.`);
    if (v.format !== BUNDLE_FORMAT) fail('format', `must be “${BUNDLE_FORMAT}”: this is not a ROAR Lab results file (got ${describe(v.format)}).`);
    const version = v.version;
    if (version !== 1 && version !== BUNDLE_VERSION) fail('version', `is ${describe(version)}; this page reads versions 1 and ${BUNDLE_VERSION} of results.`);
    const o = record(v, what, version === 1 ? ['format', 'version', 'title', 'results'] : ['format', 'version', 'title', 'verdicts', 'results']);
    const title = text(o.title, 'title', MAX_TITLE_CHARS);
    const results = readResults(version === 1 ? upgradeResultsV1(o.results) : o.results, 'results');
    const verdicts = verdictsOf(summariseSweep(results));
    return { bundle: { format: BUNDLE_FORMAT, version: BUNDLE_VERSION, title, verdicts: version === 1 ? verdicts : checkVerdicts(o.verdicts, 'verdicts', verdicts), results } };
  } catch (e) {
    if (e instanceof SchemaError) return { error: e.message };
    throw e;
  }
}
