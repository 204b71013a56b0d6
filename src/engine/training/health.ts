/**
 * Did a model learn? (issue 10; science.md §7, "Retrains that did not learn".) A run whose model predicts one
 * class for everything scores that class's share of the test set, which looks like "the method removed
 * everything important" and says nothing about the method; a run stopped while its loss still fell measures
 * how fast it left the plateau. Every trained model records the evidence and the flags that follow from it.
 */
import { BELOW_BASE, COLLAPSE_SHARE, MIN_CLASSES, NUM_CLASSES, PLATEAU_LOSS, STILL_FALLING } from '../defaults';
import type { Evaluation } from './evaluate';

/**
 * - collapsed: one class gets ≥ 50 % of the predictions, or fewer than 5 classes are predicted;
 * - chance: accuracy below twice the majority-class rate of the test set;
 * on a test set of fewer classes (seed 004's 0s and 1s) both rules scale down (beyondChance below), so a
 * binary model that predicts both classes well is not called collapsed for giving one of them half its answers.
 * - unconverged: training loss still above 0.9·ln 10 at the end, or the smoothed loss still falling by more
 *   than 0.1 over the last tenth of training, so more epochs would change the answer;
 * - belowBase: an unmasked retrain more than 2 points below the base model.
 */
export const HEALTH_FLAGS = ['collapsed', 'chance', 'unconverged', 'belowBase'] as const;
export type HealthFlag = (typeof HEALTH_FLAGS)[number];

export interface RunHealth {
  /** Distinct classes the model predicts on its test set. */
  predictedClasses: number;
  /** Share of the predictions that go to the most-predicted class. */
  topClassShare: number;
  /** Mean training loss over the last tenth of the last epoch (the curve's last point); null without a curve. */
  finalLoss: number | null;
  /** Mean training loss over each tenth of each epoch trained. */
  lossCurve: number[];
  flags: HealthFlag[];
}

/** Plain words for each flag, for tooltips, tables and the CLI; past tense, so they fit one run or several. */
export const FLAG_WORDS: Readonly<Record<HealthFlag, string>> = {
  collapsed: 'predicted (almost) one class',
  chance: 'scored no better than guessing the commonest digit',
  unconverged: 'stopped before the loss settled',
  belowBase: 'fell more than 2 points short of the base model without any masking',
};

/** Predictions per class: the column sums of the confusion matrix. */
function predictionCounts(e: Evaluation): number[] {
  return Array.from({ length: NUM_CLASSES }, (_, c) => {
    let n = 0;
    for (let t = 0; t < NUM_CLASSES; t++) n += e.confusion[t * NUM_CLASSES + c];
    return n;
  });
}

/** How many true classes the test set holds, and the share of the commonest. */
function testClasses(e: Evaluation): TestClasses {
  let most = 0;
  let classes = 0;
  for (let t = 0; t < NUM_CLASSES; t++) {
    let n = 0;
    for (let c = 0; c < NUM_CLASSES; c++) n += e.confusion[t * NUM_CLASSES + c];
    most = Math.max(most, n);
    if (n > 0) classes++;
  }
  return { classes, majority: e.count ? most / e.count : Number.NaN };
}

interface TestClasses {
  classes: number;
  majority: number;
}

/** The ten digits, each well under half the set: the rules as issue 10 states them. */
const TEN_CLASSES: TestClasses = { classes: NUM_CLASSES, majority: 0 };

/** Twice the majority rate, capped halfway from it to all: 2·m on ten classes (m ≈ 0.11), (1 + m)/2 on two. */
const beyondChance = (majority: number): number => Math.min(2 * majority, (1 + majority) / 2);

/**
 * How far the smoothed loss fell over the last tenth of training: a least-squares line through the curve's
 * last fifth, read over its last tenth — a line, so that the noise of single points (each the mean of a
 * tenth of an epoch's batches) neither raises nor hides the flag. 0 when the curve is too short to tell.
 */
export function lastTenthDrop(curve: readonly number[]): number {
  const w = Math.max(1, Math.round(curve.length / 10));
  const n = 2 * w;
  if (curve.length < n) return 0;
  const ys = curve.slice(-n);
  const xMean = (n - 1) / 2;
  const yMean = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  ys.forEach((y, i) => {
    num += (i - xMean) * (y - yMean);
    den += (i - xMean) ** 2;
  });
  return (-num / den) * w;
}

/** Rounds a loss to 4 significant digits for the record: the curve is for people, not for arithmetic. */
const round4 = (v: number): number => (Number.isFinite(v) ? Number(v.toPrecision(4)) : v);

/** Collapsed, from the prediction counts; a results reader checks recorded flags with it. */
export const isCollapsed = (h: Pick<RunHealth, 'predictedClasses' | 'topClassShare'>, test: TestClasses = TEN_CLASSES): boolean =>
  h.topClassShare >= Math.max(COLLAPSE_SHARE, beyondChance(test.majority)) || h.predictedClasses < Math.min(MIN_CLASSES, test.classes);

/** Unconverged, from the (recorded, rounded) loss curve. */
export const isUnconverged = (curve: readonly number[]): boolean => {
  const finalLoss = curve.length ? curve[curve.length - 1] : Number.NaN;
  return !(finalLoss <= PLATEAU_LOSS) || lastTenthDrop(curve) > STILL_FALLING;
};

export function runHealth(evaluation: Evaluation, rawCurve: readonly number[], compare: { baseAccuracy: number | null; unmasked: boolean }): RunHealth {
  const counts = predictionCounts(evaluation);
  const predictedClasses = counts.filter((n) => n > 0).length;
  const topClassShare = evaluation.count ? Math.max(...counts) / evaluation.count : Number.NaN;
  // Flags are judged on the curve as recorded, so that anyone reading the record finds the same.
  const lossCurve = rawCurve.map(round4);
  const flags: HealthFlag[] = [];
  const test = testClasses(evaluation);
  if (isCollapsed({ predictedClasses, topClassShare }, test)) flags.push('collapsed');
  if (evaluation.accuracy < beyondChance(test.majority)) flags.push('chance');
  if (isUnconverged(lossCurve)) flags.push('unconverged');
  if (compare.unmasked && compare.baseAccuracy !== null && evaluation.accuracy < compare.baseAccuracy - BELOW_BASE) flags.push('belowBase');
  return { predictedClasses, topClassShare, finalLoss: lossCurve.length ? lossCurve[lossCurve.length - 1] : null, lossCurve, flags };
}
