/**
 * The common machinery of SmoothGrad, SmoothGrad² and VarGrad (science.md §2): run a base method on J noisy
 * copies x + η of each image, η ~ N(0, σ²) per pixel with σ = sigmaFraction · (max(x) − min(x)) of that image
 * (PAIR saliency's stdev_spread, field-notes §1.1), and reduce the J maps pixel by pixel. Each wrapper file
 * only supplies its reduction. The noise of an image is seeded by (seed, image index) with one stream shared
 * by the three wrappers, so with the same seed they see the same noisy copies.
 */
import { PIXELS } from '../defaults';
import { deriveSeed, gaussian, makeRng } from '../random';
import type { MethodInfo, NoiseBase, NoiseTunnelParams } from './catalog';
import { gradient } from './gradient';
import { guidedBackprop } from './guidedBackprop';
import { integratedGradients } from './integratedGradients';
import { checkContext, imageIndex, type AnyAttributionMethod, type AttributionContext, type AttributionMethod } from './types';

/** The computations of catalog.ts's noise bases; NoiseBase is re-exported for the callers that pick one here. */
export type { NoiseBase };
export const NOISE_BASES: Readonly<Record<NoiseBase, AnyAttributionMethod>> = { gradient, integratedGradients, guidedBackprop };

/** Reduces the J values one pixel took across the noisy copies to the map's value. */
export type SampleReduction = (values: Float32Array) => number;

/** J noisy copies of each image, image-major: copy j of image b starts at (b·J + j)·784. */
export function noisyCopies(ctx: Pick<AttributionContext, 'inputs' | 'batch' | 'seed' | 'imageIndices'>, samples: number, sigmaFraction: number): Float32Array {
  const out = new Float32Array(ctx.batch * samples * PIXELS);
  for (let b = 0; b < ctx.batch; b++) {
    const image = ctx.inputs.subarray(b * PIXELS, (b + 1) * PIXELS);
    let lo = Infinity;
    let hi = -Infinity;
    for (let p = 0; p < PIXELS; p++) {
      lo = Math.min(lo, image[p]);
      hi = Math.max(hi, image[p]);
    }
    const sigma = sigmaFraction * (hi - lo);
    const rng = makeRng(deriveSeed(ctx.seed, `noise:${imageIndex(ctx, b)}`));
    for (let j = 0; j < samples; j++) {
      const copy = (b * samples + j) * PIXELS;
      for (let p = 0; p < PIXELS; p++) out[copy + p] = image[p] + sigma * gaussian(rng);
    }
  }
  return out;
}

/** The batch's maps, each reduced by `reduce` from its J noisy copies' maps (image-major, as noisyCopies). */
function reduceSamples(maps: Float32Array, batch: number, J: number, reduce: SampleReduction): Float32Array {
  const out = new Float32Array(batch * PIXELS);
  const values = new Float32Array(J);
  for (let b = 0; b < batch; b++) {
    for (let p = 0; p < PIXELS; p++) {
      for (let j = 0; j < J; j++) values[j] = maps[(b * J + j) * PIXELS + p];
      out[b * PIXELS + p] = reduce(values);
    }
  }
  return out;
}

/** Each image's target repeated for its J copies. */
function copyTargets(targets: Int32Array, J: number): Int32Array {
  const out = new Int32Array(targets.length * J);
  targets.forEach((t, b) => out.fill(t, b * J, (b + 1) * J));
  return out;
}

/** The wrapper described by `info` (catalog.ts), reducing the base maps with `reduce`. */
export function noiseTunnel(info: MethodInfo<NoiseTunnelParams>, reduce: SampleReduction): AttributionMethod<NoiseTunnelParams> {
  return {
    ...info,
    rowsPerImage: (params) => params.samples * NOISE_BASES[params.base].rowsPerImage(params.baseParams),
    async compute(ctx, params) {
      checkContext(ctx);
      const J = params.samples;
      const maps = await NOISE_BASES[params.base].compute(
        { model: ctx.model, inputs: noisyCopies(ctx, J, params.sigmaFraction), norm: ctx.norm, batch: ctx.batch * J, targets: copyTargets(ctx.targets, J), seed: ctx.seed },
        params.baseParams,
      );
      return reduceSamples(maps, ctx.batch, J, reduce);
    },
    async fromGradients(ctx, params) {
      checkContext(ctx);
      const J = params.samples;
      const base = NOISE_BASES[params.base];
      if (!base.fromGradients) throw new Error(`${base.label} has no maps from input gradients.`);
      const maps = await base.fromGradients(
        { gradients: ctx.gradients, inputs: noisyCopies(ctx, J, params.sigmaFraction), norm: ctx.norm, batch: ctx.batch * J, targets: copyTargets(ctx.targets, J), seed: ctx.seed },
        params.baseParams,
      );
      return reduceSamples(maps, ctx.batch, J, reduce);
    },
  };
}
