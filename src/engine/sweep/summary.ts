/**
 * Turns run records into what the page and the CLI show: per method and threshold the mean ± std accuracy
 * and per-class precision over seeds (seed 000 Tables I–III), the no-retrain point, and the comparison with
 * the random baseline with Welch's t-test per threshold (science.md §4: effective = falls faster than random
 * at every threshold).
 */
import { NUM_CLASSES } from '../defaults';
import type { NoRetrainResult, RunResult } from './results';
import { mean, std, welch, type WelchResult } from './statistics';
import { isUnmasked, UNMASKED } from './sweepPlan';
import { methodKey, type SweepConfig } from './sweepConfig';

export const RANDOM_KEY = 'random';
/** Significance level of the per-threshold verdicts. */
export const ALPHA = 0.05;

export interface Cell {
  threshold: number;
  accuracies: number[];
  mean: number;
  std: number;
  precisionMean: number[];
  precisionStd: number[];
  noRetrain: number | null;
  /** This method against random at this threshold; null for random itself or unmasked cells. */
  vsRandom: WelchResult | null;
}

/** By the mean accuracy at every masking threshold; the explanation says where Welch's test agrees. */
export type Verdict = 'better' | 'worse' | 'mixed' | 'undecided' | 'baseline';

export interface MethodSummary {
  key: string;
  cells: Cell[];
  verdict: Verdict;
  /** One sentence, for people. */
  explanation: string;
}

function cell(config: SweepConfig, runs: RunResult[], noRetrain: NoRetrainResult[], key: string, t: number): Omit<Cell, 'vsRandom'> {
  const source = isUnmasked(config, t) ? UNMASKED : key;
  const rs = runs.filter((r) => r.method === source && r.threshold === t);
  const accuracies = rs.map((r) => r.accuracy);
  const perClass = Array.from({ length: NUM_CLASSES }, (_, c) => rs.map((r) => r.precision[c]).filter((v): v is number => v !== null));
  const nr = noRetrain.find((r) => r.method === source && r.threshold === t);
  return {
    threshold: t,
    accuracies,
    mean: mean(accuracies),
    std: std(accuracies),
    precisionMean: perClass.map(mean),
    precisionStd: perClass.map(std),
    noRetrain: nr ? nr.accuracy : null,
  };
}

function verdictOf(key: string, cells: Cell[]): { verdict: Verdict; explanation: string } {
  if (key === RANDOM_KEY) return { verdict: 'baseline', explanation: 'The random baseline every method is compared with.' };
  const judged = cells.filter((c) => c.vsRandom !== null);
  if (judged.length === 0) return { verdict: 'undecided', explanation: 'No finished runs to compare with random yet.' };
  const list = (cs: Cell[]) => cs.map((c) => `${Math.round(c.threshold * 100)} %`).join(', ') || 'none';
  const below = judged.filter((c) => c.vsRandom!.difference < 0);
  const above = judged.filter((c) => c.vsRandom!.difference > 0);
  const significant = judged.filter((c) => c.vsRandom!.p < ALPHA);
  const runs = Math.min(...judged.map((c) => c.accuracies.length));
  // Welch's test has little power with 2–3 runs per cell: say which differences it can vouch for.
  const evidence = `Significant (Welch p < ${ALPHA}) at: ${list(significant)}${runs < 3 ? `; with ${runs} run(s) per cell the test can rarely reach significance` : ''}.`;
  if (below.length === judged.length) {
    return { verdict: 'better', explanation: `Accuracy falls faster than with random pixels at every threshold: the ranking finds informative pixels. ${evidence}` };
  }
  if (above.length === judged.length) {
    return { verdict: 'worse', explanation: `Accuracy stays above the random baseline at every threshold: no better than random. ${evidence}` };
  }
  return { verdict: 'mixed', explanation: `Below random at ${list(below)}; above at ${list(above)}. ${evidence}` };
}

export function summariseSweep(config: SweepConfig, runs: RunResult[], noRetrain: NoRetrainResult[]): MethodSummary[] {
  const keys = config.methods.map(methodKey);
  if (!keys.includes(RANDOM_KEY)) keys.push(RANDOM_KEY);
  const randomCells = new Map(config.thresholds.map((t) => [t, cell(config, runs, noRetrain, RANDOM_KEY, t)]));
  return keys.map((key) => {
    const cells = config.thresholds.map((t) => {
      const c = cell(config, runs, noRetrain, key, t);
      const r = randomCells.get(t)!;
      const vsRandom = key === RANDOM_KEY || isUnmasked(config, t) || c.accuracies.length === 0 || r.accuracies.length === 0 ? null : welch(c.accuracies, r.accuracies);
      return { ...c, vsRandom };
    });
    return { key, cells, ...verdictOf(key, cells) };
  });
}
