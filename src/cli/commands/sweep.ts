/**
 * `roar sweep`: the remove-and-retrain sweep in Node on the same engine as the page. Progress goes to
 * stderr; the results bundle (the file the page imports) goes to --out.
 */
import { writeFileSync } from 'node:fs';
import { platform, arch, cpus, availableParallelism } from 'node:os';
import { DEFAULT_MASK, type Replacement, type RankTransform, type TieBreak, type MaskMode, TRAIN_LIMITS, type BackendName } from '../../engine/defaults';
import { isMethodId, METHOD_IDS } from '../../engine/attribution/registry';
import type { TargetMode } from '../../engine/attribution/targets';
import { runSweep } from '../../engine/sweep/runSweep';
import { ENGINE_VERSION, type SweepResults } from '../../engine/sweep/results';
import { PRESETS, presetConfig, sweepConfigErrors, withRandomBaseline, type PresetId } from '../../engine/sweep/sweepConfig';
import { summariseSweep } from '../../engine/sweep/summary';
import { formatSummary } from '../../engine/sweep/formatSummary';
import { makeBundle } from '../../engine/sweep/bundle';
import { planRuns } from '../../engine/sweep/sweepPlan';
import { loadMnistNode } from '../../node/loadMnist';
import { initNodeBackend } from '../../node/nodeBackend';
import { startNodePool, type NodePool } from '../../node/nodePool';
import { parseFlags, UsageError, type FlagSpec } from '../args';

const L = TRAIN_LIMITS;
const FLAGS: Record<string, FlagSpec> = {
  preset: { kind: 'string', choices: Object.keys(PRESETS) },
  methods: { kind: 'string' },
  thresholds: { kind: 'string' },
  seeds: { kind: 'number', min: 1, max: 20, integer: true },
  mode: { kind: 'string', choices: ['roar', 'kar'] },
  'tie-break': { kind: 'string', choices: ['random', 'index'] },
  'tie-seed': { kind: 'number', ...L.seed, integer: true },
  rank: { kind: 'string', choices: ['abs', 'square', 'signed'] },
  replacement: { kind: 'string', choices: ['mean', 'black', 'white', 'imageMean', 'noisyLinear'] },
  target: { kind: 'string', choices: ['label', 'predicted'] },
  'train-size': { kind: 'number', ...L.trainSize, integer: true },
  'test-size': { kind: 'number', ...L.testSize, integer: true },
  'retrain-epochs': { kind: 'number', ...L.epochs, integer: true },
  'base-epochs': { kind: 'number', ...L.epochs, integer: true },
  lr: { kind: 'number', ...L.learningRate },
  'no-retrain': { kind: 'boolean' },
  backend: { kind: 'string', choices: ['wasm', 'cpu'] },
  workers: { kind: 'number', min: 1, max: 64, integer: true },
  out: { kind: 'string' },
  title: { kind: 'string' },
  json: { kind: 'boolean' },
};

export const sweepUsage = `roar sweep --preset ${Object.keys(PRESETS).join('|')} [--methods id,id,…] [--thresholds 0,10,30,50,70,90] [--seeds N] [--mode roar|kar] [--tie-break random|index] [--rank abs|square|signed] [--replacement mean|black|white|imageMean|noisyLinear] [--target label|predicted] [--train-size N] [--test-size N] [--retrain-epochs N] [--base-epochs N] [--lr X] [--workers N] [--out results.json] [--title text] [--json]
  --workers: worker threads, one per core by default (${availableParallelism()} here).
  Thresholds are percentages of the 784 pixels. Methods: ${METHOD_IDS.join(', ')} (random is always added).`;

function parseList(raw: string, what: string): string[] {
  const items = raw.split(',').map((s) => s.trim()).filter(Boolean);
  if (items.length === 0) throw new UsageError(`--${what} needs a comma-separated list`);
  return items;
}

export async function sweepCommand(argv: readonly string[]): Promise<number> {
  const f = parseFlags(argv, FLAGS);
  if (f.preset === undefined) throw new UsageError('--preset is required (lecture, standard or paper)');
  const config = presetConfig(f.preset as PresetId);
  if (typeof f.methods === 'string') {
    config.methods = parseList(f.methods, 'methods').map((id) => {
      if (!isMethodId(id)) throw new UsageError(`unknown method "${id}"; known: ${METHOD_IDS.join(', ')}`);
      return { id, params: {} };
    });
  }
  if (typeof f.thresholds === 'string') {
    config.thresholds = parseList(f.thresholds, 'thresholds').map((s) => {
      const v = Number(s.replace(/%$/, ''));
      if (!Number.isFinite(v) || v < 0 || v > 100) throw new UsageError(`--thresholds: "${s}" is not a percentage from 0 to 100`);
      return v / 100;
    });
  }
  if (f.seeds !== undefined) config.seeds = f.seeds as number;
  config.mask = {
    ...DEFAULT_MASK,
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
  if (f['retrain-epochs'] !== undefined) config.retrain.epochs = f['retrain-epochs'] as number;
  if (f['base-epochs'] !== undefined) config.base.epochs = f['base-epochs'] as number;
  if (f.lr !== undefined) config.retrain.learningRate = config.base.learningRate = f.lr as number;
  if (f['no-retrain'] === true) config.noRetrain = true;
  const errors = sweepConfigErrors(config);
  if (errors.length) throw new UsageError(errors.join('; '));
  const full = withRandomBaseline(config);

  const backend = await initNodeBackend((f.backend as BackendName | undefined) ?? null);
  const mnist = loadMnistNode();
  const results: SweepResults = {
    config: full,
    runs: [],
    noRetrain: [],
    baseAccuracy: null,
    provenance: {
      engineVersion: ENGINE_VERSION,
      backend: backend.name,
      backendDetails: backend.details,
      startedAt: new Date().toISOString(),
      finishedAt: null,
      device: `Node ${process.version}, ${platform()} ${arch()}, ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}`,
    },
  };
  const workers = (f.workers as number | undefined) ?? availableParallelism();
  const pool: NodePool | null = workers > 1 ? await startNodePool(workers, backend.name) : null;
  if (pool) results.provenance.backendDetails = pool.details;
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
    onBase: (acc) => {
      results.baseAccuracy = acc;
      process.stderr.write(`${tty ? '\n' : ''}base model: ${(acc * 100).toFixed(2)} % on ${full.retrain.testSize} test images\n`);
    },
    onNoRetrain: (r) => void results.noRetrain.push(r),
    onRun: (r) => {
      results.runs.push(r);
      if (!tty) process.stderr.write(`run ${r.key}: ${(r.accuracy * 100).toFixed(2)} %\n`);
    },
  });
  await pool?.close();
  results.provenance.finishedAt = new Date().toISOString();
  if (tty) process.stderr.write('\n');
  process.stderr.write(`sweep finished in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  const title = typeof f.title === 'string' ? f.title : `${PRESETS[f.preset as PresetId].label} preset, CLI, ${results.provenance.startedAt.slice(0, 10)}`;
  const bundle = makeBundle(title, results);
  if (typeof f.out === 'string') {
    writeFileSync(f.out, `${JSON.stringify(bundle)}\n`);
    process.stderr.write(`wrote ${f.out}\n`);
  }
  if (f.json === true) process.stdout.write(`${JSON.stringify(bundle)}\n`);
  else process.stdout.write(`${formatSummary(summariseSweep(full, results.runs, results.noRetrain), full.thresholds)}\n`);
  return outcome.cancelled ? 1 : 0;
}
