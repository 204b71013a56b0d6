/**
 * A base model on disk (issue 15): `roar train --save DIR` writes DIR/model.json — its settings, dataset,
 * backend, engine version, loss curve, tfjs's weights manifest and the SHA-256 of its weights — and
 * DIR/weights.bin, the float32 weights in PARAM_SPECS order; `roar sweep --base DIR` gives it to every shard,
 * which checks the hash before it trusts a byte, so shards on other machines share one base model exactly.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BackendName, TrainConfig } from '../engine/defaults';
import type { DatasetId } from '../engine/data/datasets';
import { PARAM_SPECS } from '../engine/model/cnn';
import type { TrainedBase } from '../engine/sweep/executor';

export const SAVED_BASE_FORMAT = 'roar-lab-base-model';

export interface SavedBase {
  format: typeof SAVED_BASE_FORMAT;
  version: 1;
  dataset: DatasetId;
  backend: BackendName;
  engineVersion: string;
  config: TrainConfig;
  testAccuracy: number;
  lossCurve: number[];
  /** tf.io's weights manifest: which tensors weights.bin holds, in order. */
  weightsManifest: { paths: string[]; weights: { name: string; shape: number[]; dtype: 'float32' }[] }[];
  sha256: string;
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

export function saveBase(dir: string, base: Omit<SavedBase, 'format' | 'version' | 'weightsManifest' | 'sha256'>, weights: readonly Float32Array[]): string {
  const bytes = new Uint8Array(weights.reduce((n, w) => n + w.byteLength, 0));
  let at = 0;
  for (const w of weights) {
    bytes.set(new Uint8Array(w.buffer, w.byteOffset, w.byteLength), at);
    at += w.byteLength;
  }
  const saved: SavedBase = {
    format: SAVED_BASE_FORMAT,
    version: 1,
    ...base,
    weightsManifest: [{ paths: ['weights.bin'], weights: PARAM_SPECS.map((s) => ({ name: s.name, shape: [...s.shape], dtype: 'float32' as const })) }],
    sha256: sha256(bytes),
  };
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'weights.bin'), bytes);
  writeFileSync(join(dir, 'model.json'), `${JSON.stringify(saved, null, 1)}\n`);
  return saved.sha256;
}

/** The base model in `dir`, checked against its hash and the reference network's shapes, or why not. */
export function loadBase(dir: string): { saved: SavedBase; base: TrainedBase } | { error: string } {
  let saved: SavedBase;
  let bytes: Uint8Array;
  try {
    saved = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')) as SavedBase;
    bytes = new Uint8Array(readFileSync(join(dir, 'weights.bin')));
  } catch (e) {
    return { error: `${dir}: cannot read model.json and weights.bin (${e instanceof Error ? e.message : String(e)})` };
  }
  if (saved.format !== SAVED_BASE_FORMAT || saved.version !== 1) return { error: `${dir}: model.json is not a ROAR Lab base model (format ${SAVED_BASE_FORMAT}, version 1).` };
  if (sha256(bytes) !== saved.sha256) return { error: `${dir}: weights.bin does not match the hash in model.json (it was changed or cut off).` };
  const shapes = saved.weightsManifest?.[0]?.weights?.map((w) => w.shape.join('×'));
  if (!shapes || shapes.join(',') !== PARAM_SPECS.map((s) => s.shape.join('×')).join(',')) return { error: `${dir}: its weights are not the reference CNN's.` };
  const weights: Float32Array[] = [];
  let at = 0;
  for (const s of PARAM_SPECS) {
    const n = s.shape.reduce((a: number, b: number) => a * b, 1);
    weights.push(new Float32Array(bytes.slice(at, at + n * 4).buffer));
    at += n * 4;
  }
  if (at !== bytes.length) return { error: `${dir}: weights.bin holds ${bytes.length} bytes, the network ${at}.` };
  return { saved, base: { weights, lossCurve: saved.lossCurve } };
}
