/**
 * The random control (science.md §2 `random`): i.i.d. uniform values in [0, 1) per pixel, seeded per
 * (seed, image index). Any ranking transform of it (|e|, e², signed) gives a uniformly random pixel order,
 * because ties have probability ~0 and all orders are equally likely.
 */
import { PIXELS } from '../defaults';
import { deriveSeed, makeRng } from '../random';
import { METHOD_INFO, type RandomParams } from './catalog';
import { checkContext, imageIndex, type AttributionMethod } from './types';

export const random: AttributionMethod<RandomParams> = {
  ...METHOD_INFO.random,
  rowsPerImage: () => 1,
  async compute(ctx) {
    checkContext(ctx);
    const out = new Float32Array(ctx.batch * PIXELS);
    for (let b = 0; b < ctx.batch; b++) {
      const rng = makeRng(deriveSeed(ctx.seed, `random:${imageIndex(ctx, b)}`));
      for (let p = 0; p < PIXELS; p++) out[b * PIXELS + p] = rng();
    }
    return out;
  },
};
