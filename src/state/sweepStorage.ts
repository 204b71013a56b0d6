/**
 * Sweeps kept in IndexedDB (idb-keyval: a tiny, well-kept wrapper), one record per sweep, rewritten as each
 * run finishes, so a reload or a closed tab loses nothing finished and a cut-off sweep can be resumed.
 */
import { createStore, del, entries, get, set, type UseStore } from 'idb-keyval';
import type { SweepResults } from '../engine/sweep/results';

export type SweepStatus = 'running' | 'paused' | 'interrupted' | 'cancelled' | 'finished' | 'imported';

export interface SweepRecord {
  id: string;
  title: string;
  status: SweepStatus;
  updatedAt: string;
  results: SweepResults;
}

let store: UseStore | null = null;
const db = (): UseStore => (store ??= createStore('roar-lab', 'sweeps'));

export async function saveSweep(record: SweepRecord): Promise<void> {
  await set(record.id, record, db());
}

export async function loadSweep(id: string): Promise<SweepRecord | undefined> {
  return get<SweepRecord>(id, db());
}

export async function deleteSweep(id: string): Promise<void> {
  await del(id, db());
}

/** Every stored sweep, newest first. A sweep still marked running or paused was cut off by a reload. */
export async function listSweeps(): Promise<SweepRecord[]> {
  const all = (await entries<string, SweepRecord>(db())).map(([, r]) => r);
  for (const r of all) {
    if (r.status === 'running' || r.status === 'paused') r.status = 'interrupted';
  }
  return all.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}
