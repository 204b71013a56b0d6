/** Vanilla gradient ("saliency map", Simonyan et al. 2014): ∂f_c/∂x, signed (science.md §2 `gradient`). */
import { METHOD_INFO, type GradientParams } from './catalog';
import { mapInChunks } from './chunk';
import { cnnForward, scoreGradient } from './scoreGradient';
import { checkContext, type AttributionMethod } from './types';

export const gradient: AttributionMethod<GradientParams> = {
  ...METHOD_INFO.gradient,
  rowsPerImage: () => 1,
  compute(ctx) {
    checkContext(ctx);
    return mapInChunks(ctx.inputs, ctx.batch, ctx.targets, 1, (x, oneHot) => scoreGradient(cnnForward(ctx.model), x, oneHot));
  },
  fromGradients(ctx) {
    checkContext(ctx);
    return ctx.gradients(ctx.inputs, ctx.targets, {});
  },
};
