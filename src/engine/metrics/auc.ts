/** The area under a curve over the fraction of pixels, by the trapezoid rule, per unit of fraction. */
export interface CurvePoint {
  fraction: number;
  value: number;
}

/**
 * Mean height of the curve between its first and last fraction. On evenly spaced points from 0 to 1 this is
 * RISE's auc, (Σ − first/2 − last/2)/(n − 1) (field-notes, eclique/RISE evaluation.py); uneven spacing is
 * weighted by each interval's width.
 */
export function curveAuc(curve: readonly CurvePoint[]): number {
  if (curve.length === 0) return Number.NaN;
  if (curve.length === 1) return curve[0].value;
  let area = 0;
  for (let i = 1; i < curve.length; i++) area += ((curve[i].value + curve[i - 1].value) / 2) * (curve[i].fraction - curve[i - 1].fraction);
  return area / (curve[curve.length - 1].fraction - curve[0].fraction);
}
