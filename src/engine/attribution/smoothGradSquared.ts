/**
 * SmoothGrad² (Hooker et al. 2019 "SG-SQ"; PAIR's GetSmoothedMask with magnitude=True, field-notes §1.1;
 * science.md §2 `smoothGradSquared(m)`): the mean of the squared base map, 1/J Σ_j m(x + η_j)².
 */
import { noiseTunnel } from './noiseTunnel';

export const smoothGradSquared = noiseTunnel({
  id: 'smoothGradSquared',
  label: 'SmoothGrad²',
  description:
    'Like SmoothGrad, but averages the SQUARED base map over the noisy copies, so it measures how strongly a pixel matters, not in which direction. ' +
    'Hooker et al., "A Benchmark for Interpretability Methods in Deep Neural Networks" (2019): with VarGrad, the only methods that beat a random ranking under ROAR.',
  signed: false,
  reduce: (values) => {
    let sum = 0;
    for (const v of values) sum += v * v;
    return sum / values.length;
  },
});
