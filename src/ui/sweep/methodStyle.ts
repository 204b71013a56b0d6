/** Colours and names for methods on charts and tables: fixed per method so every view agrees. */
import { isMethodId, METHOD_INFO } from '../../engine/attribution/catalog';
import { UNMASKED } from '../../engine/sweep/sweepPlan';

const COLOURS: Record<string, string> = {
  random: '#6b6b6b',
  gradient: '#d62728',
  integratedGradients: '#1f77b4',
  guidedBackprop: '#2ca02c',
  inputXGradient: '#9467bd',
  gradCam: '#8c564b',
  fullGrad: '#e377c2',
  smoothGrad: '#bcbd22',
  smoothGradSquared: '#17becf',
  varGrad: '#ff7f0e',
  sobel: '#393b79',
  lossGradient: '#ad494a',
  lossGradientAbs: '#7b4173',
  lossGradientXInput: '#637939',
};

/** The method id of a method key such as `integratedGradients{"steps":16}`. */
export const idOf = (key: string): string => key.match(/^[A-Za-z]+/)?.[0] ?? key;

export function methodColour(key: string): string {
  return COLOURS[idOf(key)] ?? '#444';
}

/** "Integrated Gradients (steps 16)" for a method key; parameters that differ from the defaults are shown. */
export function methodName(key: string): string {
  if (key === UNMASKED) return 'unmasked';
  const id = idOf(key);
  const label = isMethodId(id) ? METHOD_INFO[id].label : id;
  const raw = key.slice(id.length);
  if (!raw) return label;
  try {
    const params = JSON.parse(raw) as Record<string, unknown>;
    const shown = Object.entries(params)
      .map(([k, v]) => `${k} ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
      .join(', ');
    return `${label} (${shown})`;
  } catch {
    return label;
  }
}
