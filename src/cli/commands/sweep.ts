/**
 * `roar sweep`: the remove-and-retrain sweep in Node on the same engine as the page. Progress goes to
 * stderr; the results bundle (the file the page imports) goes to --out.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { platform, arch, cpus, availableParallelism } from 'node:os';
import { MODELS_PER_STEP, type BackendName } from '../../engine/defaults';
import { DATASETS } from '../../engine/data/datasets';
import { webgpuDevice } from '../../engine/backend/webgpuDevice';
import { FUSED_MAPS_NOTE, FusedExecutor } from '../../engine/gpu/fusedExecutor';
import type { Setting } from '../../engine/config/field';
import { TRAIN_FIELDS } from '../../engine/config/trainConfig';
import { METHOD_IDS } from '../../engine/attribution/registry';
import { baseKeyOf, runSweep } from '../../engine/sweep/runSweep';
import type { SweepCheckpoints } from '../../engine/sweep/checkpoints';
import type { TrainedBase } from '../../engine/sweep/executor';
import { loadBase } from '../../node/savedBase';
import { applySweepEvent, emptyResults, ENGINE_VERSION, type SweepResults } from '../../engine/sweep/results';
import { PRESETS, presetConfig, SWEEP_SETTINGS, sweepConfigErrors, withRandomBaseline, type PresetId, type SweepConfig } from '../../engine/sweep/sweepConfig';
import { summariseSweep } from '../../engine/sweep/summary';
import { formatSummary } from '../../engine/sweep/formatSummary';
import { makeBundle } from '../../engine/sweep/bundle';
import { baseSeedsOf, planRuns, shardOfRuns } from '../../engine/sweep/sweepPlan';
import { parseShardText, SHARD_ALLOWED } from '../../engine/sweep/shardText';
import type { Shard } from '../../engine/sweep/results';
import { loadMnistNode } from '../../node/loadMnist';
import { initNodeBackend } from '../../node/nodeBackend';
import { startNodePool, type NodePool } from '../../node/nodePool';
import { fieldFlag, parseFlags, UsageError, type FlagSpec } from '../args';
import { applyTrainFlags, trainFlagSpecs } from '../trainFlags';
import { pct } from '../../engine/percent';
import { parseBundleJson } from '../../share/bundleJson';

/** Flags for the sweep's own settings and its masking rule, each read by its field (engine/sweep/sweepConfig.ts). */
const SETTING_FLAGS: Record<string, string> = {
  dataset: 'dataset',
  methods: 'methods',
  thresholds: 'thresholds',
  seeds: 'seeds',
  'base-seeds': 'baseSeeds',
  target: 'target',
  'map-seed': 'mapSeed',
  mode: 'mask.mode',
  'tie-break': 'mask.tieBreak',
  'tie-seed': 'mask.tieSeed',
  rank: 'mask.rankTransform',
  filter: 'mask.filter',
  replacement: 'mask.replacement',
};
const settingAt = (path: string): Setting<SweepConfig> => SWEEP_SETTINGS.find((s) => s.path === path)!;

const FLAGS: Record<string, FlagSpec> = {
  preset: { kind: 'string', choices: Object.keys(PRESETS) },
  ...Object.fromEntries(Object.entries(SETTING_FLAGS).map(([flag, path]) => [flag, fieldFlag(settingAt(path).field)])),
  'train-size': fieldFlag(TRAIN_FIELDS.trainSize),
  'test-size': fieldFlag(TRAIN_FIELDS.testSize),
  lr: fieldFlag(TRAIN_FIELDS.learningRate),
  ...trainFlagSpecs('base-'),
  ...trainFlagSpecs('retrain-'),
  'no-retrain': { kind: 'boolean' },
  'mask-only': { kind: 'boolean' },
  'no-mask-only': { kind: 'boolean' },
  backend: { kind: 'string', choices: ['wasm', 'cpu', 'webgpu'] },
  workers: { kind: 'string' },
  out: { kind: 'string' },
  resume: { kind: 'string' },
  shard: { kind: 'string' },
  base: { kind: 'string' },
  title: { kind: 'string' },
  json: { kind: 'boolean' },
};

export const sweepUsage = `roar sweep --preset ${Object.keys(PRESETS).join('|')} [--dataset mnist|fashion] [--methods id,id(param:value),…] [--thresholds 0,10,30,50,70,90] [--seeds N] [--base-seeds B] [--mode roar|kar] [--tie-break random|index] [--tie-seed S] [--rank abs|square|signed] [--filter none|max3|gauss1] [--replacement mean|black|white|imageMean|noisyLinear] [--target label|predicted] [--map-seed S] [--train-size N] [--test-size N] [--lr X] [--base-… | --retrain-… any training flag of roar train] [--no-retrain] [--mask-only | --no-mask-only] [--backend wasm|cpu|webgpu] [--workers N] [--out results.json] [--resume results.json] [--shard i/n] [--base DIR,DIR…] [--title text] [--json]
  --dataset: what every model trains on (the presets' protocols on either dataset; MNIST by default).
  --base-seeds: base models (seeds base.seed, base.seed + 1, …), each with its own maps and retrains.
  --train-size, --test-size: the retraining images; --lr: both trainings' learning rate.
  --shard i/n: run only the i-th of n equal parts of the plan (roar merge unites the parts' bundles); every shard trains the base models and makes the maps its runs need.
  --base DIR,…: base models roar train --save wrote, used instead of training them (each checked against its hash, and against this sweep's base settings, dataset, backend and engine).
  --resume: a bundle an earlier sweep with the same settings wrote: its runs are kept and only the missing ones run.
  --mask-only: also train on the removal pattern alone (how much the mask's shape gives away).
  --workers: worker threads, one per core by default (${availableParallelism()} here); on --backend webgpu one thread drives the GPU and the fused kernels train ${MODELS_PER_STEP.webgpu} runs at once.
  Thresholds are percentages of the 784 pixels. Methods: ${METHOD_IDS.join(', ')} (random is always added).`;

export async function sweepCommand(argv: readonly string[]): Promise<number> {
  const f = parseFlags(argv, FLAGS);
  if (f.preset === undefined) throw new UsageError(`--preset is required (${Object.keys(PRESETS).join(', ')})`);
  const config = presetConfig(f.preset as PresetId);
  for (const [flag, path] of Object.entries(SETTING_FLAGS)) if (f[flag] !== undefined) settingAt(path).set(config, f[flag]);
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
  if (errors.length) throw new UsageError(errors.join(' '));
  const full = withRandomBaseline(config);
  const workersText = f.workers as string | undefined;
  const workers = workersText === undefined ? availableParallelism() : Number(workersText);
  if (!Number.isInteger(workers) || workers < 1 || workers > 64) throw new UsageError(`--workers ${JSON.stringify(workersText)}: worker threads, a whole number from 1 to 64.`);

  const backend = await initNodeBackend((f.backend as BackendName | undefined) ?? null);
  const mnist = loadMnistNode(full.dataset);
  let results: SweepResults = emptyResults(full, {
    engineVersion: ENGINE_VERSION,
    backend: backend.name,
    backendDetails: backend.details,
    startedAt: new Date().toISOString(),
    finishedAt: null,
    device: `Node ${process.version}, ${platform()} ${arch()}, ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}`,
  });
  const shard = typeof f.shard === 'string' ? parseShard(f.shard) : null;
  const prior = typeof f.resume === 'string' ? resumable(f.resume, full, backend.name) : null;
  if (prior && canonicalShard(prior.provenance.shard) !== canonicalShard(shard ?? undefined)) throw new UsageError(`--resume ${f.resume}: it is ${prior.provenance.shard ? `shard ${canonicalShard(prior.provenance.shard)}` : 'a whole sweep'}; resume it as that.`);
  if (prior) results = { ...prior, provenance: { ...prior.provenance, finishedAt: null } };
  if (shard) results = { ...results, provenance: { ...results.provenance, shard } };
  // On WebGPU one thread drives the GPU (workers would only share it): the fused kernels train MODELS_PER_STEP runs at once.
  const device = webgpuDevice();
  const fused = device ? new FusedExecutor(mnist, device, backend.name, undefined, undefined, MODELS_PER_STEP.webgpu) : null;
  if (fused) results = { ...results, provenance: { ...results.provenance, backendDetails: `${backend.details}, fused kernels, ${MODELS_PER_STEP.webgpu} runs per dispatch, ${FUSED_MAPS_NOTE}` } };
  const pool: NodePool | null = !fused && workers > 1 ? await startNodePool(workers, backend.name, full.dataset) : null;
  if (pool) results = { ...results, provenance: { ...results.provenance, backendDetails: pool.details } };
  const tty = process.stderr.isTTY;
  let lastLine = 0;
  const started = Date.now();
  const whole = planRuns(full);
  const plan = shard ? shardOfRuns(whole, shard.index, shard.count) : whole;
  const completed = new Set(prior?.runs.map((r) => r.key));
  const kept = plan.filter((r) => completed.has(r.key)).length;
  process.stderr.write(`sweep: ${plan.length} retraining runs${shard ? ` (shard ${shard.index}/${shard.count} of ${whole.length})` : ''}${prior ? ` (${kept} kept from ${f.resume})` : ''} on ${DATASETS[full.dataset].label}, ${results.provenance.backendDetails}\n`);
  const outcome = await runSweep(mnist, full, backend.name, {
    completed,
    shard,
    ...(typeof f.base === 'string' && { checkpoints: savedBases(f.base, full, backend.name) }),
    executor: fused ?? pool?.executor,
    onProgress: (p) => {
      const now = Date.now();
      if (!tty && now - lastLine < 10_000 && p.fraction < 1) return;
      lastLine = now;
      const eta = p.etaSeconds === null ? '' : `, ~${Math.ceil(p.etaSeconds)} s left`;
      process.stderr.write(`${tty ? '\r\x1b[K' : ''}[${pct(p.fraction, { digits: 0 }).padStart(5)}] ${p.message}${eta}${tty ? '' : '\n'}`);
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
      if (!tty) process.stderr.write(`run ${run.key}: ${pct(run.accuracy, { digits: 2 })}, loss ${run.health?.finalLoss ?? '?'}${flags}\n`);
    },
  });
  await pool?.close();
  fused?.freeGpu();
  results = { ...results, provenance: { ...results.provenance, finishedAt: new Date().toISOString() } };
  if (tty) process.stderr.write('\n');
  process.stderr.write(`sweep finished in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  const title = typeof f.title === 'string' ? f.title : `${shard ? `Shard ${shard.index}/${shard.count} of the ` : ''}${PRESETS[f.preset as PresetId].label} preset, ${DATASETS[full.dataset].label}, CLI, ${results.provenance.startedAt.slice(0, 10)}`;
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

/**
 * The results of the bundle at `file`, to resume: it must come from this engine and backend and hold the same
 * sweep (runs are identified by their keys, which only mean the same numbers under the same settings).
 */
function resumable(file: string, config: SweepConfig, backend: BackendName): SweepResults {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`--resume ${file}: cannot read it (${e instanceof Error ? e.message : String(e)})`);
  }
  const read = parseBundleJson(text, `--resume ${file}`);
  if ('error' in read) throw new UsageError(read.error);
  const prior = read.bundle.results;
  const differing = (Object.keys(config) as (keyof SweepConfig)[]).filter((k) => !isDeepStrictEqual(prior.config[k], config[k]));
  if (differing.length) throw new UsageError(`--resume ${file}: its sweep differs from this one in ${differing.join(', ')}; give the preset and flags that made it.`);
  if (prior.provenance.engineVersion !== ENGINE_VERSION) throw new UsageError(`--resume ${file}: made by engine ${prior.provenance.engineVersion}, whose numbers this engine (${ENGINE_VERSION}) does not reproduce; run the sweep afresh.`);
  if (prior.provenance.backend !== backend) throw new UsageError(`--resume ${file}: computed on ${prior.provenance.backend}, not ${backend}; resume it on the same backend.`);
  return prior;
}

/** "2/8": the second of eight shards. */
export function parseShard(text: string): Shard {
  const r = parseShardText(text);
  if ('error' in r) throw new UsageError(`--shard ${JSON.stringify(text)}: ${SHARD_ALLOWED}.`);
  return r.shard;
}

const canonicalShard = (s: Shard | undefined): string => (s ? `${s.index}/${s.count}` : 'none');

/** The base models of `dirs` ("a,b"), as checkpoints the sweep loads instead of training; each must be one of its base models. */
function savedBases(dirs: string, config: SweepConfig, backend: BackendName): SweepCheckpoints {
  const wanted = new Map(baseSeedsOf(config).map((seed) => [baseKeyOf(backend, config.dataset, { ...config.base, seed }), seed]));
  const bases = new Map<string, TrainedBase>();
  for (const dir of dirs.split(',').map((d) => d.trim()).filter((d) => d !== '')) {
    const r = loadBase(dir);
    if ('error' in r) throw new UsageError(`--base ${r.error}`);
    const { saved } = r;
    if (saved.engineVersion !== ENGINE_VERSION) throw new UsageError(`--base ${dir}: saved by engine ${saved.engineVersion}, this is ${ENGINE_VERSION}; train it again.`);
    if (saved.backend !== backend) throw new UsageError(`--base ${dir}: trained on ${saved.backend}, this sweep runs on ${backend}; their numbers differ.`);
    if (saved.dataset !== config.dataset) throw new UsageError(`--base ${dir}: trained on ${saved.dataset}, this sweep is on ${config.dataset}.`);
    const key = baseKeyOf(saved.backend, saved.dataset, saved.config);
    if (!wanted.has(key)) {
      const near = { ...config.base, seed: saved.config.seed };
      const differ = (Object.keys(near) as (keyof typeof near)[]).filter((k) => near[k] !== saved.config[k]);
      throw new UsageError(`--base ${dir}: not one of this sweep's base models (seeds ${[...wanted.values()].join(', ')})${differ.length ? `; its ${differ.join(', ')} ${differ.length > 1 ? 'differ' : 'differs'} from the sweep's base settings` : `; its seed ${saved.config.seed} is not among them`}.`);
    }
    bases.set(key, r.base);
    process.stderr.write(`base model ${saved.config.seed}: from ${dir} (sha256 ${saved.sha256.slice(0, 12)}…)\n`);
  }
  return {
    loadBase: async (key) => bases.get(key) ?? null,
    saveBase: async () => {},
    loadRankings: async () => null,
    saveRankings: async () => {},
    dropRankings: async () => {},
  };
}
