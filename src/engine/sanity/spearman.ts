/**
 * Spearman's rank correlation between two attribution maps, the similarity Adebayo et al.'s sanity checks
 * report (science.md §6; Quantus's MPRT uses it too, field-notes §3). It compares orders, not magnitudes, so
 * maps of very different scale (a trained and a randomised network's gradients) can be compared directly.
 */

/**
 * The rank of every value, 1-based, equal values sharing the mean of the ranks they span: the usual
 * definition, which keeps ρ exact when many pixels tie — on MNIST ~80 % of the pixels are exactly 0, and
 * Input × Gradient and IG give exactly 0 there (science.md §3).
 */
export function averageRanks(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const order = Uint32Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a] - values[b]);
  const ranks = new Float64Array(n);
  for (let i = 0; i < n; ) {
    let j = i + 1;
    while (j < n && values[order[j]] === values[order[i]]) j++;
    // Positions i … j − 1 hold equal values: each gets the mean of ranks i + 1 … j.
    const rank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) ranks[order[k]] = rank;
    i = j;
  }
  return ranks;
}

/** Pearson's correlation of two equally long series; NaN when either is constant (ρ is undefined there). */
function pearson(a: Float64Array, b: Float64Array): number {
  const n = a.length;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i];
    mb += b[i];
  }
  ma /= n;
  mb /= n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    const da = a[i] - ma;
    const db = b[i] - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  if (saa === 0 || sbb === 0) return Number.NaN;
  // Rounding can push |ρ| a hair past 1 for identical orders.
  return Math.max(-1, Math.min(1, sab / Math.sqrt(saa * sbb)));
}

/**
 * Spearman's ρ of two maps: Pearson's correlation of their average ranks. NaN when either map is constant
 * (a dead network's all-zero map has no order to compare).
 */
export function spearman(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`maps of different lengths: ${a.length} and ${b.length}`);
  if (a.length < 2) throw new Error(`a rank correlation needs at least 2 values; got ${a.length}`);
  return pearson(averageRanks(a), averageRanks(b));
}

/** ρ over the images of a batch: the mean and standard deviation of the defined per-image values. */
export interface CorrelationSummary {
  /** null when no image gave a defined ρ (JSON has no NaN). */
  mean: number | null;
  /** Sample standard deviation over images; null below 2 defined values. */
  sd: number | null;
  /** Images whose ρ is defined. */
  defined: number;
  /** Images where a map was constant, so ρ is undefined; left out of mean and sd. */
  undefined: number;
}

export function summariseCorrelations(values: readonly number[]): CorrelationSummary {
  const ok = values.filter(Number.isFinite);
  const n = ok.length;
  const mean = n ? ok.reduce((s, v) => s + v, 0) / n : null;
  const sd = n > 1 && mean !== null ? Math.sqrt(ok.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1)) : null;
  return { mean, sd, defined: n, undefined: values.length - n };
}

/**
 * Per-image ρ between two batches of maps laid out image after image (`pixels` values each). With `abs`
 * the maps' absolute values are ranked: Adebayo et al.'s main measure (they also give the signed one, as
 * we do), Quantus's MPRT default (`abs=True`, field-notes §3), and what the lab ranks by default for ROAR
 * (science.md §3).
 */
export function mapCorrelations(a: Float32Array, b: Float32Array, pixels: number, abs: boolean): number[] {
  if (a.length !== b.length || a.length % pixels !== 0) throw new Error(`expected two batches of ${pixels}-value maps; got ${a.length} and ${b.length} values`);
  const out: number[] = [];
  for (let at = 0; at < a.length; at += pixels) {
    const x = a.subarray(at, at + pixels);
    const y = b.subarray(at, at + pixels);
    out.push(abs ? spearman(x.map(Math.abs), y.map(Math.abs)) : spearman(x, y));
  }
  return out;
}
