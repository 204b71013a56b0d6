/**
 * Ranks every pixel of every image of a split by one method's maps, computed with the base model
 * (science.md §2–3). Maps are ranked chunk by chunk and dropped: only the uint16 orders are kept.
 */
import { PIXELS, type MaskConfig } from '../defaults';
import type { MnistSplit } from '../data/mnist';
import type { Cnn } from '../model/cnn';
import { computeMaps, type ComputeMapsHooks, type MapsProgress } from '../attribution/computeMaps';
import { getMethod } from '../attribution/registry';
import type { TargetMode } from '../attribution/targets';
import { rankMaps } from '../masking/rankMaps';
import type { MethodSpec } from '../attribution/methodSpec';

/** Images per slice: bounds the float maps held at once to ~8 MB. */
const SLICE = 2560;

export interface RankHooks extends Pick<ComputeMapsHooks, 'gradients'> {
  signal?: AbortSignal;
  onProgress?: (p: MapsProgress) => void | Promise<void>;
}

/**
 * Orders of images [first, first + count) of `split`. Maps and ties are seeded by each image's own index,
 * so any slicing of a split over workers gives the same orders as ranking it whole.
 */
export async function rankSplit(
  model: Cnn,
  split: MnistSplit,
  range: { first: number; count: number },
  spec: MethodSpec,
  target: TargetMode,
  mapSeed: number,
  mask: MaskConfig,
  /** Dataset-wide index of the split's image 0, so train and test images get distinct tie orders. */
  splitOffset: number,
  hooks: RankHooks = {},
): Promise<Uint16Array> {
  const method = getMethod(spec.id);
  const v = method.validate(spec.params);
  if ('error' in v) throw new Error(v.error);
  const orders = new Uint16Array(range.count * PIXELS);
  const start = Date.now();
  for (let done = 0; done < range.count; done += SLICE) {
    const n = Math.min(SLICE, range.count - done);
    const first = range.first + done;
    const indices = Uint32Array.from({ length: n }, (_, i) => first + i);
    const maps = await computeMaps(model, split, indices, method, v.params, target, mapSeed, {
      signal: hooks.signal,
      gradients: hooks.gradients,
      onProgress: (p) => {
        const total = done + p.done;
        const elapsedMs = Date.now() - start;
        return hooks.onProgress?.({ done: total, total: range.count, elapsedMs, mapsPerSec: total / (elapsedMs / 1000) });
      },
    });
    orders.set(rankMaps(maps, n, mask, method, splitOffset + first), done * PIXELS);
  }
  return orders;
}
