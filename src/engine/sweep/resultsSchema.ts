/**
 * The schema of a sweep's results (results.ts), for everything that reads results it did not just make: a
 * results file or link from a stranger, a sweep stored in this browser. Two steps: the shape of every field
 * (valibot, with the same settings schemas as the forms), then the runs against the sweep's own plan — each
 * run one the configuration would make, each once; each no-retrain score one of its cells; each base model
 * one of its seeds — and the health flags against the numbers they follow from. Both steps are linear in the
 * number of runs.
 */
import * as v from 'valibot';
import { BACKEND_NAMES, LOSS_POINTS_PER_EPOCH, NUM_CLASSES } from '../defaults';
import { explainIssue, fieldSentence, numberSchema, strictRecord, textSchema } from '../config/field';
import { describeValue } from '../config/text';
import { methodKey } from '../attribution/methodSpec';
import { HEALTH_FLAGS, isCollapsed, isUnconverged, type RunHealth } from '../training/health';
import type { SweepResults } from './results';
import { sweepSchema, type SweepConfig } from './sweepConfig';
import { baseSeedsOf, isUnmasked, planRuns, UNMASKED } from './sweepPlan';

/** A run's throughput and duration: finite and non-negative; a billion images/s or a year of training is not real. */
const MAX_RATE = 1e9;
const MAX_SECONDS = 3.2e7;
/** A training loss far beyond any this net reaches without diverging (ln 10 ≈ 2.3 is chance). */
const MAX_LOSS = 1e6;
/** Free text in provenance (user agents run to a few hundred characters) and short words (versions, dates). */
export const MAX_TEXT_CHARS = 1_000;
const MAX_SHORT_TEXT = 40;
/** Runs in one sweep: the Paper preset plans 525; room for far more, and a bound on what a file may hold. */
const MAX_RUNS = 20_000;
/** The most epochs a training may have (TRAIN_LIMITS.epochs). */
const MAX_EPOCHS = 100;

const fraction = (what: string) => numberSchema(what, 0, 1);
const bounded = (what: string, max: number) => numberSchema(what, 0, max);
const whole = (what: string, min: number, max: number) => numberSchema(what, min, max, true);
const text = textSchema;
/** A diverged loss is NaN, which JSON writes as null. */
const loss = v.pipe(
  v.nullable(bounded('Loss', MAX_LOSS)),
  v.transform((x) => (x === null ? Number.NaN : x)),
);

const precision = v.pipe(v.array(v.nullable(fraction('Precision')), fieldSentence('Precision', `a list of ${NUM_CLASSES} numbers`)), v.length(NUM_CLASSES, fieldSentence('Precision', `a list of ${NUM_CLASSES} numbers`)));

export const runHealthSchema = strictRecord({
  predictedClasses: whole('Classes predicted', 0, NUM_CLASSES),
  topClassShare: fraction('Share of the commonest prediction'),
  finalLoss: v.nullable(bounded('Final loss', MAX_LOSS)),
  lossCurve: v.pipe(v.array(loss, fieldSentence('Loss curve', 'a list of numbers')), v.maxLength(MAX_EPOCHS * LOSS_POINTS_PER_EPOCH, 'Loss curve is too long for any training.')),
  flags: v.pipe(
    v.array(v.picklist(HEALTH_FLAGS, fieldSentence('Each health flag', `one of ${HEALTH_FLAGS.join(', ')}`))),
    v.check((fs) => new Set(fs).size === fs.length, 'Health flags must each appear at most once.'),
  ),
}) as unknown as v.GenericSchema<unknown, RunHealth>;

const runSchema = strictRecord({
  key: text('Run key', MAX_TEXT_CHARS),
  kind: v.picklist(['retrain', 'maskOnly'], fieldSentence('Run kind', 'retrain or maskOnly')),
  method: text('Method key', MAX_TEXT_CHARS),
  threshold: fraction('Threshold'),
  // Run and base seeds count up from the configured seed (retrain.seed + s, base.seed + b): past 2³¹ − 1 too.
  seed: whole('Seed', 0, 2 ** 32),
  baseSeed: v.nullable(whole('Base seed', 0, 2 ** 32)),
  accuracy: fraction('Accuracy'),
  precision,
  samplesPerSec: bounded('Samples per second', MAX_RATE),
  seconds: bounded('Seconds', MAX_SECONDS),
  epochs: v.nullable(whole('Epochs', 1, MAX_EPOCHS)),
  health: v.nullable(runHealthSchema),
});

const noRetrainSchema = strictRecord({
  method: text('Method key', MAX_TEXT_CHARS),
  threshold: fraction('Threshold'),
  baseSeed: whole('Base seed', 0, 2 ** 32),
  accuracy: fraction('Accuracy'),
  precision,
});

const baseSchema = strictRecord({ seed: whole('Base seed', 0, 2 ** 32), accuracy: fraction('Accuracy'), health: v.nullable(runHealthSchema) });

/** An ISO-8601 date and time, as toISOString writes it. */
const date = (what: string) => v.pipe(v.string(fieldSentence(what, 'a date')), v.maxLength(MAX_SHORT_TEXT, fieldSentence(what, 'a date')), v.isoTimestamp(fieldSentence(what, 'an ISO-8601 date and time such as 2026-11-26T10:02:00.000Z')));

/** Shards of one sweep: more than any class or cluster job array needs. */
export const MAX_SHARDS = 1_000;

export const shardSchema = v.pipe(
  strictRecord({ index: whole('Shard', 1, MAX_SHARDS), count: whole('Shards', 1, MAX_SHARDS) }),
  v.check((s) => s.index <= s.count, 'A shard’s number must not exceed the number of shards.'),
);

const provenanceSchema = v.pipe(
  strictRecord({
    engineVersion: text('Engine version', MAX_SHORT_TEXT),
    backend: v.picklist(BACKEND_NAMES, fieldSentence('Backend', `one of ${BACKEND_NAMES.join(', ')}`)),
    backendDetails: text('Backend details', MAX_TEXT_CHARS),
    startedAt: date('Started at'),
    finishedAt: v.nullable(date('Finished at')),
    device: text('Device', MAX_TEXT_CHARS),
    shard: v.optional(shardSchema),
    parts: v.optional(
      v.pipe(
        v.array(
          strictRecord({
            name: text('Part name', MAX_TEXT_CHARS),
            shard: v.nullable(shardSchema),
            startedAt: date('Started at'),
            finishedAt: v.nullable(date('Finished at')),
            device: text('Device', MAX_TEXT_CHARS),
            backendDetails: text('Backend details', MAX_TEXT_CHARS),
          }),
        ),
        v.maxLength(MAX_SHARDS, `A merge has at most ${MAX_SHARDS} parts.`),
      ),
    ),
  }),
  v.check((p) => p.finishedAt === null || Date.parse(p.finishedAt) >= Date.parse(p.startedAt), 'Finished at must not be before the sweep started.'),
);

export const resultsShapeSchema = strictRecord({
  config: sweepSchema,
  runs: v.pipe(v.array(runSchema, fieldSentence('Runs', 'a list')), v.maxLength(MAX_RUNS, `Runs must number at most ${MAX_RUNS}.`)),
  noRetrain: v.pipe(v.array(noRetrainSchema, 'No-retrain scores: a list.'), v.maxLength(MAX_RUNS, `No-retrain scores: at most ${MAX_RUNS}.`)),
  bases: v.array(baseSchema, fieldSentence('Base models', 'a list')),
  provenance: provenanceSchema,
}) as unknown as v.GenericSchema<unknown, SweepResults>;

/** Where in the results a problem lies, and what it is. */
class PlanProblem extends Error {}
const fail = (where: string, problem: string): never => {
  throw new PlanProblem(`${where} ${problem}`);
};

function checkHealth(h: RunHealth, where: string, epochs: number): void {
  if (h.lossCurve.length > epochs * LOSS_POINTS_PER_EPOCH) fail(`${where}.lossCurve`, `is longer than ${epochs} epochs of training (${epochs * LOSS_POINTS_PER_EPOCH} points).`);
  const last = h.lossCurve.length ? h.lossCurve[h.lossCurve.length - 1] : null;
  const agrees = h.finalLoss === last || (h.finalLoss === null && last !== null && Number.isNaN(last));
  if (!agrees) fail(`${where}.finalLoss`, 'must be the last point of the loss curve.');
  if (isCollapsed(h) !== h.flags.includes('collapsed')) fail(`${where}.flags`, 'do not agree with the predicted classes recorded (collapsed).');
  if (isUnconverged(h.lossCurve) !== h.flags.includes('unconverged')) fail(`${where}.flags`, 'do not agree with the loss curve recorded (unconverged).');
}

/** The results' runs, no-retrain scores and base models against the plan their configuration makes. */
function checkPlan(r: SweepResults, root: string): void {
  const c: SweepConfig = r.config;
  const plan = new Map(planRuns(c).map((run) => [run.key, run]));
  const seen = new Set<string>();
  r.runs.forEach((run, i) => {
    const where = `${root}.runs[${i}]`;
    const spec = plan.get(run.key) ?? fail(`${where}.key`, `names no run of this sweep's configuration: ${describeValue(run.key)}.`);
    if (seen.has(run.key)) fail(`${where}.key`, `repeats the run ${describeValue(run.key)}.`);
    seen.add(run.key);
    for (const f of ['kind', 'method', 'threshold', 'seed', 'baseSeed'] as const) {
      if (run[f] !== spec[f]) fail(`${where}.${f}`, `must be ${describeValue(spec[f])} for the run ${describeValue(run.key)}; found ${describeValue(run[f])}.`);
    }
    if (run.epochs !== null && run.epochs > c.retrain.epochs) fail(`${where}.epochs`, `is more than the ${c.retrain.epochs} epochs this sweep trains.`);
    if (run.health) checkHealth(run.health, `${where}.health`, c.retrain.epochs);
  });
  const seeds = baseSeedsOf(c);
  const bases = new Set<number>();
  r.bases.forEach((b, i) => {
    const where = `${root}.bases[${i}]`;
    if (!seeds.includes(b.seed)) fail(`${where}.seed`, `must be one of this sweep's base seeds (${seeds.join(', ')}); found ${b.seed}.`);
    if (bases.has(b.seed)) fail(`${where}.seed`, `repeats the base model ${b.seed}.`);
    bases.add(b.seed);
    if (b.health) checkHealth(b.health, `${where}.health`, c.base.epochs);
  });
  if (!c.noRetrain && r.noRetrain.length) fail(`${root}.noRetrain`, 'holds scores, but this sweep does not score the base model without retraining.');
  const keys = c.methods.map(methodKey);
  const cells = new Set(c.thresholds.flatMap((t) => (isUnmasked(c, t) ? [UNMASKED] : keys).flatMap((m) => seeds.map((s) => `${m}|${t}|${s}`))));
  const scored = new Set<string>();
  r.noRetrain.forEach((n, i) => {
    const id = `${n.method}|${n.threshold}|${n.baseSeed}`;
    if (!cells.has(id)) fail(`${root}.noRetrain[${i}]`, `scores no cell of this sweep (method ${describeValue(n.method)} at threshold ${n.threshold}, base model ${n.baseSeed}).`);
    if (scored.has(id)) fail(`${root}.noRetrain[${i}]`, 'scores a cell a second time.');
    scored.add(id);
  });
}

/** Results from somewhere else, checked field by field and against their own plan; `root` names them in messages. */
export function readResults(input: unknown, root: string): { results: SweepResults } | { error: string } {
  const shape = v.safeParse(resultsShapeSchema, input, { abortEarly: true });
  if (!shape.success) return { error: explainIssue(shape.issues[0], root) };
  try {
    checkPlan(shape.output, root);
  } catch (e) {
    if (e instanceof PlanProblem) return { error: e.message };
    throw e;
  }
  return { results: shape.output };
}
