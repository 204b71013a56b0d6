/**
 * Loss gradient × input, ∂L(f(x), t)/∂x ⊙ (x − x′) (seed 004 §2 "grad_inp", after Shrikumar et al. 2017).
 * Seed 004 ran PyTorch's MNIST example, which feeds normalised images, so its input is the normalised x:
 * reference 'mean' (x′ = 0) by default; 'black' gives pixel × ∂L/∂pixel in [0, 1] pixel space (baseline.ts).
 */
import * as tf from '@tensorflow/tfjs';
import { BASELINES, BASELINE_VALUE, type Baseline } from './baseline';
import { mapInChunks } from './chunk';
import { lossGradientOf } from './lossGradient';
import { validateFields } from './params';
import { checkContext, type AttributionMethod } from './types';

export interface LossGradientXInputParams {
  baseline: Baseline;
}

export const lossGradientXInput: AttributionMethod<LossGradientXInputParams> = {
  id: 'lossGradientXInput',
  label: 'Loss gradient × input',
  description:
    'The loss gradient multiplied by the (normalised) input: seed 004\'s grad_inp, which did better there than the raw loss gradient; ' +
    'as for the signed loss gradient, the most negative values count as the most important.',
  signed: true,
  negativeFirst: true,
  defaults: { baseline: 'mean' },
  validate: (raw) => validateFields('lossGradientXInput', raw, lossGradientXInput.defaults, { baseline: { kind: 'choice', choices: BASELINES } }),
  rowsPerImage: () => 1,
  compute(ctx, params) {
    checkContext(ctx);
    const reference = BASELINE_VALUE[params.baseline];
    return mapInChunks(ctx.inputs, ctx.batch, ctx.targets, 1, (x, oneHot) => tf.mul(tf.sub(x, reference), lossGradientOf(ctx.model, x, oneHot)));
  },
};
