/** Vanilla gradient ("saliency map", Simonyan et al. 2014): ∂f_c/∂x, signed (science.md §2 `gradient`). */
import { mapInChunks } from './chunk';
import { validateFields } from './params';
import { cnnForward, scoreGradient } from './scoreGradient';
import { checkContext, type AttributionMethod } from './types';

export type GradientParams = Record<string, never>;

export const gradient: AttributionMethod<GradientParams> = {
  id: 'gradient',
  label: 'Gradient',
  description:
    'How much the class score (the pre-softmax logit) changes when each pixel changes a little: the gradient ∂f_c/∂x. ' +
    'The "sensitivity map" of Simonyan, Vedaldi & Zisserman, "Deep Inside Convolutional Networks" (2014). Brightening a positive pixel raises the score, a negative one lowers it.',
  signed: true,
  defaults: {},
  validate: (raw) => validateFields('gradient', raw, {}, {}),
  rowsPerImage: () => 1,
  compute(ctx) {
    checkContext(ctx);
    return mapInChunks(ctx.inputs, ctx.batch, ctx.targets, 1, (x, oneHot) => scoreGradient(cnnForward(ctx.model), x, oneHot));
  },
};
