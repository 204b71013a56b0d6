/** The few words the gallery adds to the engine's method catalog: a hint under each parameter field. */
import { METHOD_INFO, type FieldInfo } from '../../engine/attribution/catalog';

/** What each parameter does, by parameter name (the same name means the same thing in every method). */
const PURPOSE: Readonly<Record<string, string>> = {
  steps: 'Points on the path; more is exacter and slower.',
  baseline: 'The reference image: black, or the dataset-mean grey.',
  base: 'The map computed on each noisy copy.',
  samples: 'Noisy copies of the digit.',
  sigmaFraction: "Noise σ as a fraction of the digit's value range.",
};

/** The field's purpose and, for a number, its allowed range. */
export function fieldHint(key: string, field: FieldInfo): string {
  const range = field.kind === 'choice' ? '' : ` ${field.min}–${field.max}.`;
  return `${PURPOSE[key] ?? ''}${range}`.trim();
}

/** The label of a choice that names a method (a wrapper's base); other choices show as they are. */
export function choiceLabel(value: string): string {
  return (METHOD_INFO as Readonly<Record<string, { label: string } | undefined>>)[value]?.label ?? value;
}
