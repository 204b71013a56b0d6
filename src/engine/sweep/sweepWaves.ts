/**
 * Which methods a sweep ranks and retrains together (one "wave"). A method's pixel orders take
 * (train + test images) × 784 × 2 bytes — 110 MB for all of MNIST — so a sweep of many methods on full data
 * holds at most RANKINGS_BUDGET_BYTES of them at once: it ranks a wave's methods, scores and retrains on
 * them, drops their orders and goes on. The random baseline comes first, so that every later curve has it to
 * compare with. When everything fits there is one wave: nothing is dropped and later sweeps reuse the orders.
 */
import { PIXELS, RANKINGS_BUDGET_BYTES } from '../defaults';

/** Bytes of one method's orders for `images` train + test images. */
export const rankingBytes = (images: number): number => images * PIXELS * Uint16Array.BYTES_PER_ELEMENT;

export function planWaves(methodKeys: readonly string[], images: number, budget: number = RANKINGS_BUDGET_BYTES): string[][] {
  const perWave = Math.max(1, Math.floor(budget / rankingBytes(images)));
  if (perWave >= methodKeys.length) return [[...methodKeys]];
  const ordered = [...methodKeys.filter((k) => k === 'random'), ...methodKeys.filter((k) => k !== 'random')];
  return Array.from({ length: Math.ceil(ordered.length / perWave) }, (_, w) => ordered.slice(w * perWave, (w + 1) * perWave));
}
