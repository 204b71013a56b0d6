/**
 * SmoothGrad² (Hooker et al. 2019 "SG-SQ"; PAIR's GetSmoothedMask with magnitude=True, field-notes §1.1;
 * science.md §2 `smoothGradSquared(m)`): the mean of the squared base map, 1/J Σ_j m(x + η_j)².
 */
import { METHOD_INFO } from './catalog';
import { noiseTunnel } from './noiseTunnel';

export const smoothGradSquared = noiseTunnel(METHOD_INFO.smoothGradSquared, (values) => {
  let sum = 0;
  for (const v of values) sum += v * v;
  return sum / values.length;
});
