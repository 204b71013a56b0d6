/**
 * Input × gradient (Shrikumar et al. 2016; science.md §2 `inputXGradient`): (x − x′) ⊙ ∂f_c/∂x. With the
 * default black reference this is pixel × gradient in [0, 1] pixel space, independent of the normalisation
 * (baseline.ts); 'mean' gives x ⊙ ∂f_c/∂x on the normalised input, Captum's InputXGradient on this model.
 */
import * as tf from '@tensorflow/tfjs';
import { BASELINES, BASELINE_VALUE, type Baseline } from './baseline';
import { mapInChunks } from './chunk';
import { validateFields } from './params';
import { cnnForward, scoreGradient } from './scoreGradient';
import { checkContext, type AttributionMethod } from './types';

export interface InputXGradientParams {
  baseline: Baseline;
}

export const inputXGradient: AttributionMethod<InputXGradientParams> = {
  id: 'inputXGradient',
  label: 'Input × Gradient',
  description:
    'The gradient multiplied by the input, a first-order estimate of how much each pixel adds to the class score compared with a reference image ' +
    '(black by default, so black background pixels get exactly 0). Shrikumar et al., "Not Just a Black Box" (2016). For a linear model it equals Integrated Gradients with the same baseline.',
  signed: true,
  defaults: { baseline: 'black' },
  validate: (raw) => validateFields('inputXGradient', raw, inputXGradient.defaults, { baseline: { kind: 'choice', choices: BASELINES } }),
  rowsPerImage: () => 1,
  compute(ctx, params) {
    checkContext(ctx);
    const reference = BASELINE_VALUE[params.baseline];
    return mapInChunks(ctx.inputs, ctx.batch, ctx.targets, 1, (x, oneHot) =>
      tf.mul(tf.sub(x, reference), scoreGradient(cnnForward(ctx.model), x, oneHot)),
    );
  },
};
