/**
 * VarGrad (Adebayo et al., "Local Explanation Methods for Deep Neural Networks Lack Sensitivity to Parameter
 * Values", 2018; Hooker et al. 2019; science.md §2 `varGrad(m)`): the variance of the base map over the
 * noisy copies, 1/J Σ_j (m_j − mean)², the population variance as Captum's vargrad E[a²] − E[a]². Computed
 * in two passes, which cannot go negative through rounding as E[a²] − E[a]² can.
 */
import { METHOD_INFO } from './catalog';
import { noiseTunnel } from './noiseTunnel';

export const varGrad = noiseTunnel(METHOD_INFO.varGrad, (values) => {
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / values.length;
  let squares = 0;
  for (const v of values) squares += (v - mean) * (v - mean);
  return squares / values.length;
});
