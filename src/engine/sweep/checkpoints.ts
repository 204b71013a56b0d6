/**
 * A sweep's finished work kept beyond the page's life (issue 11): the base models it trained and the pixel
 * orders it ranked, so that a sweep resumed after a reload neither retrains its base models nor recomputes
 * its maps. The sweep saves each piece as it is made and drops the orders when it drops them from memory,
 * so what is kept never exceeds the memory budget of the sweep itself. The page keeps them in IndexedDB
 * (worker/checkpointStore.ts); the CLI keeps none.
 */
import type { TrainedBase } from './executor';
import type { Rankings } from './sweepCache';

export interface SweepCheckpoints {
  loadBase(key: string): Promise<TrainedBase | null>;
  saveBase(key: string, base: TrainedBase): Promise<void>;
  loadRankings(key: string): Promise<Rankings | null>;
  saveRankings(key: string, rankings: Rankings): Promise<void>;
  dropRankings(key: string): Promise<void>;
}
