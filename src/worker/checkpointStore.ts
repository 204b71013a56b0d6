/**
 * A sweep's checkpoints (engine/sweep/checkpoints.ts) in this browser's IndexedDB, written from the lab
 * worker where the work is made, so that pixel orders (tens of MB) never cross to the page. idb-keyval: the
 * same tiny wrapper the sweep records use, in a database of its own.
 */
import { createStore, del, get, keys, set, type UseStore } from 'idb-keyval';
import type { SweepCheckpoints } from '../engine/sweep/checkpoints';
import type { TrainedBase } from '../engine/sweep/executor';
import type { Rankings } from '../engine/sweep/sweepCache';

let store: UseStore | null = null;
const db = (): UseStore => (store ??= createStore('roar-lab-checkpoints', 'work'));

const baseKey = (sweep: string, key: string): string => `${sweep}|base|${key}`;
const ranksKey = (sweep: string, key: string): string => `${sweep}|ranks|${key}`;

/** The checkpoints of one sweep; a failing store (private mode, a full disk) only costs the resume its head start. */
export function checkpointsFor(sweep: string): SweepCheckpoints {
  const quietly = async <T,>(work: () => Promise<T>, fallback: T): Promise<T> => {
    try {
      return await work();
    } catch {
      return fallback;
    }
  };
  return {
    loadBase: (key) => quietly(async () => (await get<TrainedBase>(baseKey(sweep, key), db())) ?? null, null),
    saveBase: (key, base) => quietly(() => set(baseKey(sweep, key), { weights: base.weights.map((w) => w.slice()), lossCurve: [...base.lossCurve] }, db()), undefined),
    loadRankings: (key) => quietly(async () => (await get<Rankings>(ranksKey(sweep, key), db())) ?? null, null),
    // Orders may live in shared memory, which IndexedDB cannot store: a copy goes.
    saveRankings: (key, r) => quietly(() => set(ranksKey(sweep, key), { train: r.train.slice(), test: r.test.slice() }, db()), undefined),
    dropRankings: (key) => quietly(() => del(ranksKey(sweep, key), db()), undefined),
  };
}

/** Forgets everything kept for `sweep` (finished or deleted). */
export async function clearCheckpoints(sweep: string): Promise<void> {
  try {
    const mine = (await keys<string>(db())).filter((k) => typeof k === 'string' && k.startsWith(`${sweep}|`));
    await Promise.all(mine.map((k) => del(k, db())));
  } catch {
    // Nothing kept, or no storage: nothing to forget.
  }
}
