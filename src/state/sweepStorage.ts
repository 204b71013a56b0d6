/**
 * Sweeps kept in this browser: one versioned record per sweep in IndexedDB (idb-keyval, a tiny well-kept
 * wrapper), rewritten as each run finishes, read back through the record schema
 * (engine/sweep/sweepRecord.ts). A running sweep is stored as running and never rewritten by reading: the tab
 * that runs it holds a Web Lock named after it, and a record marked running whose lock nobody holds was cut
 * off (a reload, a closed tab) and can be resumed.
 */
import { createStore, del, entries, set, type UseStore } from 'idb-keyval';
import { quote } from '../engine/config/text';
import { readSweepRecord, type SweepRecord } from '../engine/sweep/sweepRecord';
import { clearCheckpoints } from '../worker/checkpointStore';


const unreadable = (id: string, error: string): string => `A sweep stored in this browser (${quote(id.slice(0, 40))}) could not be read: ${error}`;
export interface SavedSweep {
  record: SweepRecord;
  /** Marked running or paused, but no tab runs it any more. */
  cutOff: boolean;
}

export interface SweepStorage {
  save(record: SweepRecord): Promise<void>;
  /** Forgets the record and the work kept for resuming it. */
  remove(id: string): Promise<void>;
  /** Every readable record, newest first, and a sentence for each that could not be read. */
  list(): Promise<{ sweeps: SavedSweep[]; problems: string[] }>;
  /** Marks the sweep as run by this tab until the returned release is called (or the tab goes). */
  hold(id: string): Promise<() => void>;
}

const lockName = (id: string): string => `roar-lab-sweep:${id}`;

/** The names of the locks held now, in any tab of this origin; empty where the browser has no Web Locks. */
async function heldLocks(): Promise<Set<string>> {
  if (typeof navigator === 'undefined' || !navigator.locks) return new Set();
  const state = await navigator.locks.query();
  return new Set((state.held ?? []).map((l) => l.name ?? ''));
}

export function browserSweepStorage(): SweepStorage {
  let store: UseStore | null = null;
  const db = (): UseStore => (store ??= createStore('roar-lab', 'sweeps'));
  return {
    save: (record) => set(record.id, record, db()),
    remove: async (id) => {
      await del(id, db());
      await clearCheckpoints(id);
    },
    list: async () => {
      const held = await heldLocks();
      const sweeps: SavedSweep[] = [];
      const problems: string[] = [];
      for (const [key, raw] of await entries<string, unknown>(db())) {
        const r = readSweepRecord(raw);
        if ('error' in r) problems.push(unreadable(String(key), r.error));
        else sweeps.push({ record: r.record, cutOff: (r.record.status === 'running' || r.record.status === 'paused') && !held.has(lockName(r.record.id)) });
      }
      sweeps.sort((a, b) => b.record.updatedAt.localeCompare(a.record.updatedAt));
      return { sweeps, problems };
    },
    hold: (id) =>
      new Promise((resolve) => {
        if (typeof navigator === 'undefined' || !navigator.locks) {
          resolve(() => {});
          return;
        }
        void navigator.locks.request(lockName(id), () => new Promise<void>((release) => resolve(release)));
      }),
  };
}

/** The same in memory, for tests and where IndexedDB is unavailable. */
export function memorySweepStorage(): SweepStorage & { held: Set<string> } {
  const records = new Map<string, unknown>();
  const held = new Set<string>();
  return {
    held,
    save: async (record) => void records.set(record.id, structuredClone(record)),
    remove: async (id) => void records.delete(id),
    list: async () => {
      const sweeps: SavedSweep[] = [];
      const problems: string[] = [];
      for (const raw of records.values()) {
        const r = readSweepRecord(raw);
        if ('error' in r) problems.push(unreadable(String((raw as { id?: unknown } | null)?.id ?? '?'), r.error));
        else sweeps.push({ record: r.record, cutOff: (r.record.status === 'running' || r.record.status === 'paused') && !held.has(r.record.id) });
      }
      return { sweeps: sweeps.sort((a, b) => b.record.updatedAt.localeCompare(a.record.updatedAt)), problems };
    },
    hold: async (id) => {
      held.add(id);
      return () => void held.delete(id);
    },
  };
}
