/**
 * `roar sweep`: the remove-and-retrain sweep in Node on the same engine as the page. Progress goes to
 * stderr; the results bundle (the file the page imports) goes to --out.
 */
import { writeFileSync } from 'node:fs';
import { platform, arch, cpus, availableParallelism } from 'node:os';
import { type Replacement, type RankTransform, type TieBreak, type MaskMode, TRAIN_LIMITS, type BackendName } from '../../engine/defaults';
import { METHOD_IDS } from '../../engine/attribution/registry';
import type { TargetMode } from '../../engine/attribution/targets';
import { runSweep } from '../../engine/sweep/runSweep';
import { applySweepEvent, emptyResults, ENGINE_VERSION, type SweepResults } from '../../engine/sweep/results';
import { MAX_BASE_SEEDS, PRESETS, presetConfig, sweepConfigErrors, withRandomBaseline, type PresetId } from '../../engine/sweep/sweepConfig';
import { summariseSweep } from '../../engine/sweep/summary';
import { formatSummary } from '../../engine/sweep/formatSummary';
import { makeBundle } from '../../engine/sweep/bundle';
import { planRuns } from '../../engine/sweep/sweepPlan';
import { loadMnistNode } from '../../node/loadMnist';
import { initNodeBackend } from '../../node/nodeBackend';
import { startNodePool, type NodePool } from '../../node/nodePool';
import { parseFlags, UsageError, type FlagSpec } from '../args';
import { applyTrainFlags, trainFlagSpecs } from '../trainFlags';
import { MASK_MODES, RANK_TRANSFORMS, REPLACEMENTS, TARGET_MODES, TIE_BREAKS } from '../../share/choices';
import { parseMethods } from '../../share/methodsText';

const FLAGS: Record<string, FlagSpec> = {
  preset: { kind: 'string', choices: Object.keys(PRESETS) },
  methods: { kind: 'string' },
  thresholds: { kind: 'string' },
  seeds: { kind: 'number', min: 1, max: 20, integer: true },
  'base-seeds': { kind: 'number', min: 1, max: MAX_BASE_SEEDS, integer: true },
  mode: { kind: 'string', choices: MASK_MODES },
  'tie-break': { kind: 'string', choices: TIE_BREAKS },
  'tie-seed': { kind: 'number', ...TRAIN_LIMITS.seed, integer: true },
  rank: { kind: 'string', choices: RANK_TRANSFORMS },
  replacement: { kind: 'string', choices: REPLACEMENTS },
  target: { kind: 'string', choices: TARGET_MODES },
  'train-size': { kind: 'number', ...TRAIN_LIMITS.trainSize, integer: true },
  'test-size': { kind: 'number', ...TRAIN_LIMITS.testSize, integer: true },
  lr: { kind: 'number', ...TRAIN_LIMITS.learningRate },
  ...trainFlagSpecs('base-'),
  ...trainFlagSpecs('retrain-'),
  'no-retrain': { kind: 'boolean' },
  'mask-only': { kind: 'boolean' },
  'no-mask-only': { kind: 'boolean' },
  backend: { kind: 'string', choices: ['wasm', 'cpu'] },
  workers: { kind: 'number', min: 1, max: 64, integer: true },
  out: { kind: 'string' },
  title: { kind: 'string' },
  json: { kind: 'boolean' },
};

export const sweepUsage = `roar sweep --preset ${Object.keys(PRESETS).join('|')} [--methods id,id(param:value),…] [--thresholds 0,10,30,50,70,90] [--seeds N] [--base-seeds B] [--mode roar|kar] [--tie-break random|index] [--rank abs|square|signed] [--replacement mean|black|white|imageMean|noisyLinear] [--target label|predicted] [--train-size N] [--test-size N] [--lr X] [--base-… | --retrain-… any training flag of roar train] [--no-retrain] [--mask-only | --no-mask-only] [--workers N] [--out results.json] [--title text] [--json]
  --base-seeds: base models (seeds base.seed, base.seed + 1, …), each with its own maps and retrains.
  --train-size, --test-size: the retraining images; --lr: both trainings' learning rate.
  --mask-only: also train on the removal pattern alone (how much the mask's shape gives away).
  --workers: worker threads, one per core by default (${availableParallelism()} here).
  Thresholds are percentages of the 784 pixels. Methods: ${METHOD_IDS.join(', ')} (random is always added).`;

function parseList(raw: string, what: string): string[] {
  const items = raw.split(',').map((s) => s.trim()).filter(Boolean);
  if (items.length === 0) throw new UsageError(`--${what} needs a comma-separated list`);
  return items;
}

export async function sweepCommand(argv: readonly string[]): Promise<number> {
  const f = parseFlags(argv, FLAGS);
  if (f.preset === undefined) throw new UsageError(`--preset is required (${Object.keys(PRESETS).join(', ')})`);
  const config = presetConfig(f.preset as PresetId);
  if (typeof f.methods === 'string') {
    const parsed = parseMethods(f.methods);
    if ('error' in parsed) throw new UsageError(`--methods: ${parsed.error}`);
    config.methods = parsed.methods;
  }
  if (typeof f.thresholds === 'string') {
    config.thresholds = parseList(f.thresholds, 'thresholds').map((s) => {
      const v = Number(s.replace(/%$/, ''));
      if (!Number.isFinite(v) || v < 0 || v > 100) throw new UsageError(`--thresholds: "${s}" is not a percentage from 0 to 100`);
      return v / 100;
    });
  }
  if (f.seeds !== undefined) config.seeds = f.seeds as number;
  if (f['base-seeds'] !== undefined) config.baseSeeds = f['base-seeds'] as number;
  config.mask = {
    ...config.mask,
    ...(f.mode ? { mode: f.mode as MaskMode } : {}),
    ...(f['tie-break'] ? { tieBreak: f['tie-break'] as TieBreak } : {}),
    ...(f['tie-seed'] !== undefined ? { tieSeed: f['tie-seed'] as number } : {}),
    ...(f.rank ? { rankTransform: f.rank as RankTransform } : {}),
    ...(f.replacement ? { replacement: f.replacement as Replacement } : {}),
  };
  if (f.target) config.target = f.target as TargetMode;
  if (f['train-size'] !== undefined) config.retrain.trainSize = f['train-size'] as number;
  if (f['test-size'] !== undefined) config.retrain.testSize = f['test-size'] as number;
  if (f.lr !== undefined) config.retrain.learningRate = config.base.learningRate = f.lr as number;
  config.base = applyTrainFlags(config.base, f, 'base-');
  config.retrain = applyTrainFlags(config.retrain, f, 'retrain-');
  if (f['no-retrain'] === true) config.noRetrain = true;
  if (f['mask-only'] === true && f['no-mask-only'] === true) throw new UsageError('--mask-only and --no-mask-only contradict each other');
  if (f['mask-only'] === true) config.maskOnly = true;
  if (f['no-mask-only'] === true) config.maskOnly = false;
  const errors = sweepConfigErrors(config);
  if (errors.length) throw new UsageError(errors.join('; '));
  const full = withRandomBaseline(config);

  const backend = await initNodeBackend((f.backend as BackendName | undefined) ?? null);
  const mnist = loadMnistNode();
  let results: SweepResults = emptyResults(full, {
    engineVersion: ENGINE_VERSION,
    backend: backend.name,
    backendDetails: backend.details,
    startedAt: new Date().toISOString(),
    finishedAt: null,
    device: `Node ${process.version}, ${platform()} ${arch()}, ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}`,
  });
  const workers = (f.workers as number | undefined) ?? availableParallelism();
  const pool: NodePool | null = workers > 1 ? await startNodePool(workers, backend.name) : null;
  if (pool) results = { ...results, provenance: { ...results.provenance, backendDetails: pool.details } };
  const tty = process.stderr.isTTY;
  let lastLine = 0;
  const started = Date.now();
  process.stderr.write(`sweep: ${planRuns(full).length} retraining runs on ${pool?.details ?? backend.details}\n`);
  const outcome = await runSweep(mnist, full, backend.name, {
    executor: pool?.executor,
    onProgress: (p) => {
      const now = Date.now();
      if (!tty && now - lastLine < 10_000 && p.fraction < 1) return;
      lastLine = now;
      const eta = p.etaSeconds === null ? '' : `, ~${Math.ceil(p.etaSeconds)} s left`;
      process.stderr.write(`${tty ? '\r\x1b[K' : ''}[${(p.fraction * 100).toFixed(0).padStart(3)} %] ${p.message}${eta}${tty ? '' : '\n'}`);
    },
    onBase: (base) => {
      results = applySweepEvent(results, { type: 'base', base });
      const flags = base.health?.flags.length ? ` (${base.health.flags.join(', ')})` : '';
      process.stderr.write(`${tty ? '\n' : ''}base model ${base.seed}: ${(base.accuracy * 100).toFixed(2)} % on ${full.retrain.testSize} test images${flags}\n`);
    },
    onNoRetrain: (result) => void (results = applySweepEvent(results, { type: 'noRetrain', result })),
    onRun: (run) => {
      results = applySweepEvent(results, { type: 'run', run });
      const flags = run.health?.flags.length ? ` (${run.health.flags.join(', ')})` : '';
      if (!tty) process.stderr.write(`run ${run.key}: ${(run.accuracy * 100).toFixed(2)} %, loss ${run.health?.finalLoss ?? '?'}${flags}\n`);
    },
  });
  await pool?.close();
  results = { ...results, provenance: { ...results.provenance, finishedAt: new Date().toISOString() } };
  if (tty) process.stderr.write('\n');
  process.stderr.write(`sweep finished in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  const title = typeof f.title === 'string' ? f.title : `${PRESETS[f.preset as PresetId].label} preset, CLI, ${results.provenance.startedAt.slice(0, 10)}`;
  const summary = summariseSweep(results);
  const bundle = makeBundle(title, results, summary);
  if (typeof f.out === 'string') {
    writeFileSync(f.out, `${JSON.stringify(bundle)}\n`);
    process.stderr.write(`wrote ${f.out}\n`);
  }
  if (f.json === true) process.stdout.write(`${JSON.stringify(bundle)}\n`);
  else process.stdout.write(`${formatSummary(summary, full.thresholds, results.bases)}\n`);
  return outcome.cancelled ? 1 : 0;
}
