/** A seeded random permutation of one image's pixels: an arbitrary removal order for the masking tests. */
import { PIXELS } from '../engine/defaults';
import { deriveSeed, makeRng, shuffleInPlace } from '../engine/random';

export function randomOrder(imageIndex: number, seed: number, out: Uint16Array = new Uint16Array(PIXELS)): Uint16Array {
  for (let i = 0; i < out.length; i++) out[i] = i;
  return shuffleInPlace(out, makeRng(deriveSeed(seed, `order:${imageIndex}`)));
}
