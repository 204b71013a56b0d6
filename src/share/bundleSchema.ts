/**
 * A results bundle (engine/sweep/bundle.ts) read from an untrusted file or link: the format and version,
 * then every field of the results, each against its type and range, and every run against the sweep's own
 * plan (its method, threshold and seed must be one the configuration would run, each once). What passes
 * is rebuilt field by field, so it is exactly a ResultsBundle and nothing else.
 */
import { BACKEND_NAMES, NUM_CLASSES } from '../engine/defaults';
import { BUNDLE_FORMAT, BUNDLE_VERSION, type ResultsBundle } from '../engine/sweep/bundle';
import type { NoRetrainResult, Provenance, RunResult, SweepResults } from '../engine/sweep/results';
import { methodKey, type SweepConfig } from '../engine/sweep/sweepConfig';
import { isUnmasked, planRuns, UNMASKED } from '../engine/sweep/sweepPlan';
import { MAX_TEXT_CHARS, MAX_TITLE_CHARS } from './limits';
import { describe, fail, fraction, list, nullable, number, oneOf, record, SchemaError, text } from './schemaReader';
import { readSweepConfig } from './sweepConfigSchema';

/** Engine versions are short ("0.1.0"); dates are ISO strings (24 characters). */
const MAX_SHORT_TEXT = 40;
/** A run's throughput and duration: finite and non-negative; a billion images/s or a year of training is not real. */
const MAX_RATE = 1e9;
const MAX_SECONDS = 3.2e7;
/**
 * No-retrain scores: one per cell, but a resumed sweep scores every cell again and keeps both, so a cell
 * may repeat; bounded by the cells times the most resumes a person plausibly makes.
 */
const MAX_NO_RETRAIN_REPEATS = 100;

const precision = (v: unknown, path: string): (number | null)[] =>
  list(v, path, NUM_CLASSES, NUM_CLASSES).map((p, i) => nullable(p, (x) => fraction(x, `${path}[${i}]`)));

function date(v: unknown, path: string): string {
  const s = text(v, path, MAX_SHORT_TEXT);
  if (!Number.isFinite(Date.parse(s))) fail(path, `must be a date; got ${describe(s)}.`);
  return s;
}

function readRuns(v: unknown, path: string, config: SweepConfig): RunResult[] {
  const plan = new Map(planRuns(config).map((r) => [r.key, r]));
  const seen = new Set<string>();
  return list(v, path, 0, plan.size).map((raw, i): RunResult => {
    const p = `${path}[${i}]`;
    const o = record(raw, p, ['key', 'method', 'threshold', 'seed', 'accuracy', 'precision', 'samplesPerSec', 'seconds']);
    const key = typeof o.key === 'string' ? o.key : fail(`${p}.key`, `must be text; got ${describe(o.key)}.`);
    const spec = plan.get(key) ?? fail(`${p}.key`, `names no run of this sweep's configuration; got ${describe(key)}.`);
    if (seen.has(key)) fail(`${p}.key`, `repeats the run ${describe(key)}.`);
    seen.add(key);
    if (o.method !== spec.method) fail(`${p}.method`, `must be ${describe(spec.method)} for the run ${describe(key)}; got ${describe(o.method)}.`);
    if (o.threshold !== spec.threshold) fail(`${p}.threshold`, `must be ${spec.threshold} for the run ${describe(key)}; got ${describe(o.threshold)}.`);
    if (o.seed !== spec.seed) fail(`${p}.seed`, `must be ${spec.seed} for the run ${describe(key)}; got ${describe(o.seed)}.`);
    return {
      key,
      method: spec.method,
      threshold: spec.threshold,
      seed: spec.seed,
      accuracy: fraction(o.accuracy, `${p}.accuracy`),
      precision: precision(o.precision, `${p}.precision`),
      samplesPerSec: number(o.samplesPerSec, `${p}.samplesPerSec`, 0, MAX_RATE),
      seconds: number(o.seconds, `${p}.seconds`, 0, MAX_SECONDS),
    };
  });
}

const cellKey = (method: string, threshold: number): string => `${method}|${threshold}`;

function readNoRetrain(v: unknown, path: string, config: SweepConfig): NoRetrainResult[] {
  const keys = config.methods.map(methodKey);
  const cells = new Map(
    config.thresholds.flatMap((t) => (isUnmasked(config, t) ? [UNMASKED] : keys).map((method) => [cellKey(method, t), { method, t }] as const)),
  );
  return list(v, path, 0, cells.size * MAX_NO_RETRAIN_REPEATS).map((raw, i): NoRetrainResult => {
    const p = `${path}[${i}]`;
    const o = record(raw, p, ['method', 'threshold', 'accuracy', 'precision']);
    const cell = typeof o.method === 'string' && typeof o.threshold === 'number' ? cells.get(cellKey(o.method, o.threshold)) : undefined;
    if (!cell) fail(p, `scores no cell of this sweep (method ${describe(o.method)} at threshold ${describe(o.threshold)}).`);
    return { method: cell.method, threshold: cell.t, accuracy: fraction(o.accuracy, `${p}.accuracy`), precision: precision(o.precision, `${p}.precision`) };
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
  const o = record(v, path, ['config', 'runs', 'noRetrain', 'baseAccuracy', 'provenance']);
  const config = readSweepConfig(o.config, `${path}.config`);
  return {
    config,
    runs: readRuns(o.runs, `${path}.runs`, config),
    noRetrain: readNoRetrain(o.noRetrain, `${path}.noRetrain`, config),
    baseAccuracy: nullable(o.baseAccuracy, (x) => fraction(x, `${path}.baseAccuracy`)),
    provenance: readProvenance(o.provenance, `${path}.provenance`),
  };
}

/** The bundle `v` holds, or a message naming the first field that is wrong and why; `what` names the whole ("The file"). */
export function readBundle(v: unknown, what: string): { bundle: ResultsBundle } | { error: string } {
  try {
    const o = record(v, what, ['format', 'version', 'title', 'results']);
    if (o.format !== BUNDLE_FORMAT) fail('format', `must be “${BUNDLE_FORMAT}”: this is not a ROAR Lab results file (got ${describe(o.format)}).`);
    if (o.version !== BUNDLE_VERSION) fail('version', `is ${describe(o.version)}; this page reads version ${BUNDLE_VERSION} results.`);
    return {
      bundle: { format: BUNDLE_FORMAT, version: BUNDLE_VERSION, title: text(o.title, 'title', MAX_TITLE_CHARS), results: readResults(o.results, 'results') },
    };
  } catch (e) {
    if (e instanceof SchemaError) return { error: e.message };
    throw e;
  }
}
