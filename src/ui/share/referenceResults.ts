/**
 * Result bundles shipped with the lab (public/reference/), computed by the project's own CLI: the Standard
 * protocol — full data, 2 seeds — under both tie rules, so a lecture can show a finished multi-seed result at
 * once and run a Lecture preset live beside it; and the Lecture preset on Fashion-MNIST with the mask-only
 * control, where the shape of what a method removes names the garment. Their provenance travels inside.
 */
export interface ReferenceResult {
  file: string;
  label: string;
}

export const REFERENCE_RESULTS: readonly ReferenceResult[] = [
  { file: 'standard-random-ties.json', label: 'Standard protocol, seeded random ties (CLI)' },
  { file: 'standard-index-ties.json', label: 'Standard protocol, ties by pixel index as Hooker’s top_k (CLI)' },
  { file: 'lecture-fashion-mask-only.json', label: 'Lecture preset on Fashion-MNIST, mask-only control (CLI)' },
];
