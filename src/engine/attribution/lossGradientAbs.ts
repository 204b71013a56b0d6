/** Absolute loss gradient |∂L(f(x), t)/∂x| (seed 004 §2 "abs_grad", after Hooker et al.'s use of magnitudes). */
import * as tf from '@tensorflow/tfjs';
import { mapInChunks } from './chunk';
import { lossGradientOf } from './lossGradient';
import { validateFields } from './params';
import { checkContext, type AttributionMethod } from './types';

export type LossGradientAbsParams = Record<string, never>;

export const lossGradientAbs: AttributionMethod<LossGradientAbsParams> = {
  id: 'lossGradientAbs',
  label: 'Loss gradient (absolute)',
  description:
    'The size of the loss gradient, |∂L/∂x|, whatever its direction: how sensitive the loss is to each pixel. Seed 004\'s abs_grad.',
  signed: false,
  defaults: {},
  validate: (raw) => validateFields('lossGradientAbs', raw, {}, {}),
  rowsPerImage: () => 1,
  compute(ctx) {
    checkContext(ctx);
    return mapInChunks(ctx.inputs, ctx.batch, ctx.targets, 1, (x, oneHot) => tf.abs(lossGradientOf(ctx.model, x, oneHot)));
  },
};
