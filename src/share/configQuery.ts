/**
 * Every setting of the lab as a readable, versioned URL query, in the spirit of TensorFlow Playground's
 * address bar: copying the address shares the setup, opening it restores it.
 *
 *   ?v=1                                    schema version (a link without it is read as version 1)
 *   &lr=0.01&mom=0.9&batch=64&epochs=1      training form (step 1): learning rate, momentum, batch size, epochs,
 *   &train=10000&test=10000&seed=1            training and test images, seed,
 *   &opt=sgd&warmup=0&stop=epochs&patience=2  optimiser, warm-up steps, stopping rule, patience
 *   &dataset=mnist                          mnist|fashion: what the page trains on, the sweep and the gallery too
 *   &methods=gradient,integratedGradients(steps:16),random
 *                                           the sweep's methods and their parameters (engine/config/methodsText.ts)
 *   &t=0,10,50,90                           thresholds, in percent of the pixels, increasing (engine/config/thresholds.ts)
 *   &seeds=2&bases=2                        retraining seeds per cell and base model; base models
 *   &mode=roar&repl=mean&rank=abs           ROAR|KAR, replacement, rank transform (abs|square|signed)
 *   &filter=none                            map filter before ranking (none|max3|gauss1)
 *   &ties=random&tieSeed=7                  tie-break (random|index) and its seed
 *   &target=label&mapSeed=1                 class the maps explain (label|predicted), seed of the maps
 *   &noRetrain=1&maskOnly=1                 the no-retrain and mask-only controls (1|0)
 *   &base.lr=0.01&…&base.seed=1             the sweep's base model, same keys as the training form
 *   &retrain.lr=0.01&…&retrain.seed=1       each retrained model, same keys
 *   &backend=wasm                           webgpu|webgl|wasm|cpu (backendParam.ts)
 *   &shard=2/8                              this tab runs the 2nd of 8 parts of the sweep (shardParam.ts)
 *   #r=eJzt…                                results, only in "Copy link with results" (resultsLink.ts)
 *
 * Every value is read and checked by its setting's own field (engine/config), so a link accepts exactly
 * what the forms accept, with the same words. Numbers are written in their shortest exact form, so every
 * value reads back as the same double. Writing keeps `,` `:` `(` `)` literal (RFC 3986 allows them in a
 * query). Every valid field is written, so a link means the same thing even if the page's defaults change. A
 * missing field keeps the page's current value, and a bad or repeated one gets a notice naming it.
 */
import { parseText, settingsOf, type Setting } from '../engine/config/field';
import { thresholdsLinkText } from '../engine/config/thresholds';
import { quote } from '../engine/config/text';
import { TRAIN_FIELDS, type TrainField } from '../engine/config/trainConfig';
import type { BackendName, TrainConfig } from '../engine/defaults';
import { SWEEP_SETTINGS, type SweepConfig } from '../engine/sweep/sweepConfig';
import { backendFromUrl } from './backendParam';

const CONFIG_QUERY_VERSION = 1;

/** What a link configures: the training form, the sweep, and the backend when one was chosen. */
export interface ShareConfig {
  train: TrainConfig;
  sweep: SweepConfig;
  /** Null: the page picks the best available backend. */
  backend: BackendName | null;
}

/** A setting at a key of the query; its text in links where it differs from the field's own (thresholds without spaces). */
interface LinkField {
  key: string;
  setting: Setting<ShareConfig>;
  text?: (value: unknown) => string;
}

const TRAIN_KEYS: Record<TrainField, string> = {
  learningRate: 'lr',
  momentum: 'mom',
  batchSize: 'batch',
  epochs: 'epochs',
  trainSize: 'train',
  testSize: 'test',
  seed: 'seed',
  optimizer: 'opt',
  warmupSteps: 'warmup',
  stopping: 'stop',
  patience: 'patience',
};

/** The query key of each sweep setting's path, in the order a link lists them; the trainings follow, keyed as the training form after `base.` or `retrain.`. */
const SWEEP_KEYS: readonly [string, string][] = [
  ['dataset', 'dataset'],
  ['methods', 'methods'],
  ['thresholds', 't'],
  ['seeds', 'seeds'],
  ['baseSeeds', 'bases'],
  ['mask.mode', 'mode'],
  ['mask.replacement', 'repl'],
  ['mask.rankTransform', 'rank'],
  ['mask.filter', 'filter'],
  ['mask.tieBreak', 'ties'],
  ['mask.tieSeed', 'tieSeed'],
  ['target', 'target'],
  ['mapSeed', 'mapSeed'],
  ['noRetrain', 'noRetrain'],
  ['maskOnly', 'maskOnly'],
];

/** A setting of the sweep as one of the ShareConfig. */
const ofSweep = (s: Setting<SweepConfig>): Setting<ShareConfig> => ({ ...s, get: (c) => s.get(c.sweep), set: (c, v) => s.set(c.sweep, v) });
const sweepSetting = (path: string): Setting<SweepConfig> => SWEEP_SETTINGS.find((s) => s.path === path)!;

const FIELDS: readonly LinkField[] = [
  ...settingsOf(TRAIN_FIELDS, '', (c: ShareConfig) => c.train).map((setting) => ({ key: TRAIN_KEYS[setting.path as TrainField], setting })),
  ...SWEEP_KEYS.map(([path, key]) => ({ key, setting: ofSweep(sweepSetting(path)), text: path === 'thresholds' ? (v: unknown) => thresholdsLinkText(v as number[]) : undefined })),
  ...(['base', 'retrain'] as const).flatMap((group) =>
    SWEEP_SETTINGS.filter((s) => s.path.startsWith(`${group}.`)).map((s) => ({ key: `${group}.${TRAIN_KEYS[s.path.slice(group.length + 1) as TrainField]}`, setting: ofSweep(s) })),
  ),
];

// backend and shard are the tab's, not the sweep's settings: read by backendParam.ts and shardParam.ts.
const KNOWN_KEYS = new Set(['v', 'backend', 'shard', ...FIELDS.map((f) => f.key)]);
/** How many unknown keys a notice lists by name. */
const LISTED_UNKNOWN = 5;

/** Keeps `,` `:` `(` `)` literal; everything else as encodeURIComponent has it (`+`, `&`, `#`, `%` escaped). */
const queryText = (s: string): string => encodeURIComponent(s).replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%28/g, '(').replace(/%29/g, ')');

const linkText = (f: LinkField, value: unknown): string => (f.text ?? f.setting.field.toText)(value);

/** The query (without `?`) that restores `c`; a field whose value is not valid (a form being edited) is left out. */
export function encodeConfigQuery(c: ShareConfig): string {
  const parts = [`v=${CONFIG_QUERY_VERSION}`];
  for (const f of FIELDS) {
    const text = linkText(f, f.setting.get(c));
    if ('value' in parseText(f.setting.field, text)) parts.push(`${f.key}=${queryText(text)}`);
  }
  if (c.backend) parts.push(`backend=${c.backend}`);
  return parts.join('&');
}

interface DecodedQuery {
  config: ShareConfig;
  /** One sentence per problem, each naming the field. */
  notices: string[];
  /** Whether the query held any setting of the lab at all. */
  present: boolean;
}

/** Reads `search` (a location.search) over `current`: fields the query does not set, or sets badly, keep their value there. */
export function decodeConfigQuery(search: string, current: ShareConfig): DecodedQuery {
  const params = new URLSearchParams(search);
  const config = structuredClone(current);
  const notices: string[] = [];
  const versions = params.getAll('v');
  if (versions.length > 1) notices.push(`Link setting v appears ${versions.length} times; the first is used.`);
  if (versions.length && versions[0] !== String(CONFIG_QUERY_VERSION)) {
    notices.push(`Link setting v=${quote(versions[0])}: this page reads version ${CONFIG_QUERY_VERSION} links; the settings below were read as version ${CONFIG_QUERY_VERSION}.`);
  }
  for (const f of FIELDS) {
    const all = params.getAll(f.key);
    if (all.length === 0) continue;
    if (all.length > 1) notices.push(`Link setting ${f.key} appears ${all.length} times; the first is used.`);
    const r = parseText(f.setting.field, all[0]);
    if ('value' in r) f.setting.set(config, r.value);
    else notices.push(`Link setting ${f.key}=${quote(all[0])}: ${r.error} Using “${linkText(f, f.setting.get(current))}” instead.`);
  }
  const backend = backendFromUrl(search);
  config.backend = backend.backend;
  if (backend.notice) notices.push(backend.notice);
  const unknown = [...new Set(params.keys())].filter((k) => !KNOWN_KEYS.has(k));
  if (unknown.length) {
    const named = unknown.slice(0, LISTED_UNKNOWN).map((k) => quote(k)).join(', ');
    const more = unknown.length > LISTED_UNKNOWN ? ` and ${unknown.length - LISTED_UNKNOWN} more` : '';
    notices.push(`Link settings this page does not know were ignored: ${named}${more}.`);
  }
  const present = [...params.keys()].some((k) => KNOWN_KEYS.has(k));
  return { config, notices, present };
}
