/**
 * SmoothGrad (Smilkov et al., "SmoothGrad: removing noise by adding noise", 2017; science.md §2
 * `smoothGrad(m)`): the mean of the base map over noisy copies, 1/J Σ_j m(x + η_j).
 */
import { METHOD_INFO } from './catalog';
import { noiseTunnel } from './noiseTunnel';

export const smoothGrad = noiseTunnel(METHOD_INFO.smoothGrad, (values) => {
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
});
