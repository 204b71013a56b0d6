/**
 * What sweeps can share: the base model (per training config) and the pixel rankings of every train and
 * test image (per base model + method + parameters + target + masking rule). Rankings are stored as uint16
 * orders, 1.5 KB per image; masked images are derived from them batch by batch and never stored.
 */
import type { Cnn } from '../model/cnn';
import { disposeCnn } from '../model/cnn';

export interface Rankings {
  train: Uint16Array;
  test: Uint16Array;
}

export class SweepCache {
  private baseKey: string | null = null;
  private base: Cnn | null = null;
  private baseCurve: number[] = [];
  private readonly rankings = new Map<string, Rankings>();

  /** The cached base model for this key, or null. A new key drops the old model and all rankings. */
  baseModel(key: string): Cnn | null {
    return key === this.baseKey ? this.base : null;
  }

  /** The base model loaded last, whatever its key. */
  currentBase(): Cnn | null {
    return this.base;
  }

  /** The training-loss curve of the cached base model ([] when it was loaded from weights). */
  baseLossCurve(): number[] {
    return this.baseCurve;
  }

  setBaseModel(key: string, model: Cnn, lossCurve: number[] = []): void {
    this.clear();
    this.baseKey = key;
    this.base = model;
    this.baseCurve = lossCurve;
  }

  getRankings(key: string): Rankings | undefined {
    return this.rankings.get(key);
  }

  setRankings(key: string, r: Rankings): void {
    this.rankings.set(key, r);
  }

  /** Keys of the rankings held now. */
  rankingKeys(): string[] {
    return [...this.rankings.keys()];
  }

  deleteRankings(key: string): void {
    this.rankings.delete(key);
  }

  clear(): void {
    if (this.base) disposeCnn(this.base);
    this.base = null;
    this.baseKey = null;
    this.baseCurve = [];
    this.rankings.clear();
  }
}
