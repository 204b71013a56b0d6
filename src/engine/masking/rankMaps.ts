/**
 * Maps to pixel orders under a masking rule: the one path every ranking takes (sweep, gallery, metrics,
 * fused kernels, the page's redrawn masks). Under a signed ranking a negative-first method (the loss
 * gradients, seed 004) is ranked on −e; with a map filter the importance (|e|, e² or e) is blurred first and
 * its largest values go first (mapFilter.ts); then ties break by the rule (ranking.ts).
 */
import { PIXELS, type MaskConfig } from '../defaults';
import { filterMap } from './mapFilter';
import { rankAll } from './ranking';

/** What the ranking needs to know of the method whose maps these are. */
export interface RankedMethod {
  id: string;
  /** Its most negative values matter most (the loss gradients). */
  negativeFirst?: boolean;
}

export function rankMaps(maps: Float32Array, n: number, mask: MaskConfig, method: RankedMethod, firstImageIndex: number): Uint16Array {
  const negate = mask.rankTransform === 'signed' && method.negativeFirst;
  // The random baseline stays the uninformative ranking it is: a blurred random map removes clustered blobs,
  // a different (and harsher) baseline, which would move the yardstick along with the map being judged.
  if (mask.filter === 'none' || method.id === 'random') {
    const ranked = negate ? maps.map((v) => -v) : maps;
    return rankAll(ranked, n, mask.rankTransform, mask.tieBreak, mask.tieSeed, firstImageIndex);
  }
  const importance = new Float32Array(n * PIXELS);
  for (let i = 0; i < n * PIXELS; i++) {
    const e = negate ? -maps[i] : maps[i];
    importance[i] = mask.rankTransform === 'abs' ? Math.abs(e) : mask.rankTransform === 'square' ? e * e : e;
  }
  const blurred = new Float32Array(n * PIXELS);
  for (let i = 0; i < n; i++) filterMap(importance, i * PIXELS, mask.filter, blurred.subarray(i * PIXELS, (i + 1) * PIXELS));
  // The importance is already a score: rank it as is, largest first.
  return rankAll(blurred, n, 'signed', mask.tieBreak, mask.tieSeed, firstImageIndex);
}
