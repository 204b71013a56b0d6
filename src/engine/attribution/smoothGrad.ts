/**
 * SmoothGrad (Smilkov et al., "SmoothGrad: removing noise by adding noise", 2017; science.md §2
 * `smoothGrad(m)`): the mean of the base map over noisy copies, 1/J Σ_j m(x + η_j).
 */
import { noiseTunnel } from './noiseTunnel';

export const smoothGrad = noiseTunnel({
  id: 'smoothGrad',
  label: 'SmoothGrad',
  description:
    'Averages the base map (gradient, Integrated Gradients or guided backprop) over several copies of the digit with Gaussian noise added: ' +
    'the noise washes out the speckle of raw gradients. Smilkov et al., "SmoothGrad: removing noise by adding noise" (2017). ' +
    'In Hooker et al.\'s ROAR benchmark it was no better than its base method.',
  signed: true,
  reduce: (values) => {
    let sum = 0;
    for (const v of values) sum += v;
    return sum / values.length;
  },
});
