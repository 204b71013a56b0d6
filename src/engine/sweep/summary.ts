/**
 * Turns run records into what the page and the CLI show: per method and threshold the mean ± std accuracy
 * and per-class precision over every run (seed 000 Tables I–III), its split into spread between base models
 * and between retrain seeds, the no-retrain and mask-only points, the health of the runs behind the cell,
 * and the comparison with the random baseline with Welch's t-test per threshold (science.md §4: effective =
 * falls faster than random at every threshold).
 *
 * A verdict rests only on evidence a sceptic would accept (issue 10; science.md §7): a threshold where the
 * method's cell or random's is flagged (a model that did not learn) or not finished is inconclusive, and so
 * is the whole verdict; so is every verdict when a base model or the unmasked retrain failed. Linear in the
 * number of runs: runs are grouped by cell once.
 */
import { NUM_CLASSES } from '../defaults';
import { percentText } from '../config/decimal';
import { FLAG_WORDS, type HealthFlag } from '../training/health';
import type { NoRetrainResult, RunResult, SweepResults } from './results';
import { mean, std, welch, type WelchResult } from './statistics';
import { pct } from '../percent';
import { isUnmasked, UNMASKED, type RunKind } from './sweepPlan';
import { withRandomBaseline, type SweepConfig } from './sweepConfig';
import { methodKey, type MethodSpec } from '../attribution/methodSpec';

export const RANDOM_KEY = 'random';
/** Significance level of the per-threshold verdicts. */
export const ALPHA = 0.05;

/** How a threshold compares with random: below or above it, or not to be judged yet (and why). */
export interface Judgement {
  outcome: 'below' | 'above' | 'inconclusive';
  /** Plain words; for 'inconclusive' what is missing or wrong. */
  reason: string;
}

export interface Spread {
  /** Standard deviation of the base models' mean accuracies (null with fewer than two base models). */
  betweenBases: number | null;
  /** Pooled standard deviation of retrain seeds within each base model (null with one run per base). */
  withinBases: number | null;
}

export interface Cell {
  threshold: number;
  /** A threshold that changes no pixel (ROAR at 0 %): one shared cell, never compared with random. */
  unmasked: boolean;
  /** Runs this cell will hold when the sweep is finished. */
  planned: number;
  accuracies: number[];
  mean: number;
  std: number;
  precisionMean: number[];
  precisionStd: number[];
  /** The base models without retraining, mean over the base models scored. */
  noRetrain: number | null;
  /** The mask-only control at this threshold (null when off, unmasked, or not run yet). */
  maskOnly: { mean: number; std: number; n: number } | null;
  spread: Spread;
  /** Health flags carried by the cell's runs, each once, and how many runs carry any. */
  flags: HealthFlag[];
  flaggedRuns: number;
  /** Runs without a health record (results made before the lab kept one). */
  unknownHealth: number;
  /** This method against random at this threshold; null for random itself or unmasked cells. */
  vsRandom: WelchResult | null;
  /** Null for random, unmasked cells, and thresholds whose random cell does not exist yet. */
  judgement: Judgement | null;
}

/** By the mean accuracy at every masking threshold, where the evidence holds; the reason says why. */
export type Verdict = 'better' | 'worse' | 'mixed' | 'inconclusive' | 'baseline';
export const VERDICTS: readonly Verdict[] = ['better', 'worse', 'mixed', 'inconclusive', 'baseline'];

export interface MethodSummary {
  key: string;
  /** The method as the configuration names it: names and colours come from the catalog through it. */
  spec: MethodSpec;
  cells: Cell[];
  verdict: Verdict;
  /** One or two sentences, for people. */
  reason: string;
  /**
   * The no-retrain curve rises again somewhere as more pixels go (ROAR) or come (KAR): with the mean fill the
   * removed set outlines the digit, and the model reads the outline (science.md §7).
   */
  outlineEffect: boolean;
}

const list = (ts: readonly number[]): string => ts.map((t) => `${percentText(t)} %`).join(', ') || 'none';

const cellId = (kind: RunKind, method: string, threshold: number): string => `${kind}|${method}|${threshold}`;

/** Runs grouped by cell, once, so a summary is linear in the number of runs. */
function groupRuns(runs: readonly RunResult[]): Map<string, RunResult[]> {
  const groups = new Map<string, RunResult[]>();
  for (const r of runs) {
    const id = cellId(r.kind, r.method, r.threshold);
    const g = groups.get(id);
    if (g) g.push(r);
    else groups.set(id, [r]);
  }
  return groups;
}

function groupNoRetrain(noRetrain: readonly NoRetrainResult[]): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  for (const r of noRetrain) {
    const id = cellId('retrain', r.method, r.threshold);
    groups.set(id, [...(groups.get(id) ?? []), r.accuracy]);
  }
  return groups;
}

function spreadOf(rs: readonly RunResult[]): Spread {
  const byBase = new Map<number, number[]>();
  for (const r of rs) if (r.baseSeed !== null) byBase.set(r.baseSeed, [...(byBase.get(r.baseSeed) ?? []), r.accuracy]);
  const groups = [...byBase.values()];
  const within = groups.filter((g) => g.length > 1);
  return {
    betweenBases: groups.length > 1 ? std(groups.map(mean)) : null,
    withinBases: within.length ? Math.sqrt(mean(within.map((g) => std(g) ** 2))) : null,
  };
}

function healthOf(rs: readonly RunResult[]): Pick<Cell, 'flags' | 'flaggedRuns' | 'unknownHealth'> {
  const flags = new Set<HealthFlag>();
  let flaggedRuns = 0;
  let unknownHealth = 0;
  for (const r of rs) {
    if (!r.health) unknownHealth++;
    else if (r.health.flags.length) {
      flaggedRuns++;
      r.health.flags.forEach((f) => flags.add(f));
    }
  }
  return { flags: [...flags], flaggedRuns, unknownHealth };
}

type RawCell = Omit<Cell, 'vsRandom' | 'judgement'>;

function cellOf(config: SweepConfig, runs: Map<string, RunResult[]>, noRetrain: Map<string, number[]>, key: string, t: number): RawCell {
  const unmasked = isUnmasked(config, t);
  const source = unmasked ? UNMASKED : key;
  const rs = runs.get(cellId('retrain', source, t)) ?? [];
  const accuracies = rs.map((r) => r.accuracy);
  const perClass = Array.from({ length: NUM_CLASSES }, (_, c) => rs.map((r) => r.precision[c]).filter((v): v is number => v !== null));
  const nr = noRetrain.get(cellId('retrain', source, t));
  const mo = unmasked ? [] : (runs.get(cellId('maskOnly', key, t)) ?? []).map((r) => r.accuracy);
  return {
    threshold: t,
    unmasked,
    planned: config.seeds * (unmasked ? 1 : config.baseSeeds),
    accuracies,
    mean: mean(accuracies),
    std: std(accuracies),
    precisionMean: perClass.map(mean),
    precisionStd: perClass.map(std),
    noRetrain: nr ? mean(nr) : null,
    maskOnly: mo.length ? { mean: mean(mo), std: std(mo), n: mo.length } : null,
    spread: spreadOf(rs),
    ...healthOf(rs),
  };
}

/** What is wrong with a cell's runs, in words ("2 of 4 runs of this method predict (almost) one class"), or null. */
function cellProblem(c: RawCell, who: string): string | null {
  if (c.accuracies.length === 0) return `${who} has no finished runs yet`;
  if (c.flaggedRuns > 0) return `${c.flaggedRuns} of ${c.accuracies.length} runs of ${who} ${c.flags.map((f) => FLAG_WORDS[f]).join(' or ')}`;
  if (c.accuracies.length < c.planned) return `${who} has ${c.accuracies.length} of its ${c.planned} runs`;
  return null;
}

function judge(c: RawCell, r: RawCell): Judgement | null {
  if (r.accuracies.length === 0) return null;
  const problems = [cellProblem(c, 'this method'), cellProblem(r, 'the random baseline')].filter((p): p is string => p !== null);
  if (problems.length) return { outcome: 'inconclusive', reason: problems.join('; ') };
  const difference = c.mean - r.mean;
  // Above random, where the removal pattern alone scores as high as random's retrain: the outline of what was
  // removed can carry the method's cell above random by itself (ROAD's critique; on Fashion-MNIST it names the
  // garment), so "above" says nothing about the pixels. Below random the leak only works against the method.
  if (difference >= 0 && c.maskOnly && c.maskOnly.mean >= r.mean) {
    return {
      outcome: 'inconclusive',
      reason: `the removal pattern alone scores ${pct(c.maskOnly.mean)}, no less than random's retrain (${pct(r.mean)}): the cell measures the outline of what was removed, not the pixels left`,
    };
  }
  return { outcome: difference < 0 ? 'below' : 'above', reason: `${(Math.abs(difference) * 100).toFixed(1)} points ${difference < 0 ? 'below' : 'above'} random` };
}

/** Problems that void every verdict: a base model or the unmasked retrain that did not learn. */
function sweepProblems(results: Pick<SweepResults, 'config' | 'bases'>, unmaskedCells: RawCell[]): string[] {
  const problems: string[] = [];
  for (const b of results.bases) {
    if (b.health?.flags.length) problems.push(`base model ${b.seed} ${b.health.flags.map((f) => FLAG_WORDS[f]).join(' and ')}, so its maps explain a model that did not learn`);
  }
  for (const u of unmaskedCells) {
    if (u.flaggedRuns > 0) {
      problems.push(`${u.flaggedRuns} of ${u.accuracies.length} retrains on unmasked images ${u.flags.map((f) => FLAG_WORDS[f]).join(' or ')}: retraining this short cannot tell what removing pixels costs`);
    }
  }
  return problems;
}

function verdictOf(key: string, cells: Cell[], problems: string[]): { verdict: Verdict; reason: string } {
  if (key === RANDOM_KEY) return { verdict: 'baseline', reason: 'The random baseline every method is compared with.' };
  const masked = cells.filter((c) => c.judgement !== null);
  if (masked.length === 0) return { verdict: 'inconclusive', reason: 'No finished runs to compare with random yet.' };
  if (problems.length) return { verdict: 'inconclusive', reason: `Not judged: ${problems.join('; ')}.` };
  const open = masked.filter((c) => c.judgement!.outcome === 'inconclusive');
  const below = masked.filter((c) => c.judgement!.outcome === 'below');
  const above = masked.filter((c) => c.judgement!.outcome === 'above');
  const waiting = cells.filter((c) => !c.unmasked && c.judgement === null).map((c) => c.threshold);
  if (open.length || waiting.length) {
    const why = open.map((c) => `at ${percentText(c.threshold)} % ${c.judgement!.reason}`);
    if (waiting.length) why.push(`the random baseline has no runs yet at ${list(waiting)}`);
    const sofar = below.length || above.length ? ` So far: below random at ${list(below.map((c) => c.threshold))}, above at ${list(above.map((c) => c.threshold))}.` : '';
    return { verdict: 'inconclusive', reason: `Not judged: ${why.join('; ')}.${sofar}` };
  }
  const significant = masked.filter((c) => c.vsRandom !== null && c.vsRandom.p < ALPHA).map((c) => c.threshold);
  const runs = Math.min(...masked.map((c) => c.accuracies.length));
  const unknown = cells.reduce((n, c) => n + c.unknownHealth, 0);
  // Welch's test has little power with 2–3 runs per cell: say which differences it can vouch for.
  const evidence = `Significant (Welch p < ${ALPHA}) at: ${list(significant)}${runs < 3 ? `; with ${runs} run(s) per cell the test can rarely reach significance` : ''}.${unknown ? ' These results do not record whether their models learnt.' : ''}`;
  if (below.length === masked.length) {
    return { verdict: 'better', reason: `Accuracy falls faster than with random pixels at every threshold: the ranking finds informative pixels. ${evidence}` };
  }
  // Without the mask-only control nobody can tell whether the outline alone lifted the cells above random.
  const unchecked = above.some((c) => c.maskOnly === null) ? ' The mask-only control would show whether the shape of what was removed lifts it.' : '';
  if (above.length === masked.length) {
    return { verdict: 'worse', reason: `Accuracy stays above the random baseline at every threshold: no better than random. ${evidence}${unchecked}` };
  }
  return { verdict: 'mixed', reason: `Below random at ${list(below.map((c) => c.threshold))}; above at ${list(above.map((c) => c.threshold))}. ${evidence}${unchecked}` };
}

/** Whether a no-retrain curve rises again by more than 5 points where it should fall (or falls where it should rise, KAR). */
function hasOutlineEffect(config: SweepConfig, cells: readonly Cell[]): boolean {
  const points = cells.filter((c) => !c.unmasked && c.noRetrain !== null).map((c) => c.noRetrain!);
  const sign = config.mask.mode === 'roar' ? 1 : -1;
  return points.some((v, i) => i > 0 && sign * (v - points[i - 1]) > 0.05);
}

export function summariseSweep(results: Pick<SweepResults, 'config' | 'runs' | 'noRetrain' | 'bases'>): MethodSummary[] {
  const { config } = results;
  const runs = groupRuns(results.runs);
  const noRetrain = groupNoRetrain(results.noRetrain);
  const specs = withRandomBaseline(config).methods;
  const keys = specs.map(methodKey);
  const randomCells = new Map(config.thresholds.map((t) => [t, cellOf(config, runs, noRetrain, RANDOM_KEY, t)]));
  const unmasked = [...randomCells.values()].filter((c) => c.unmasked);
  const problems = sweepProblems(results, unmasked);
  return keys.map((key, k) => {
    const cells = config.thresholds.map((t): Cell => {
      const c = cellOf(config, runs, noRetrain, key, t);
      const r = randomCells.get(t)!;
      if (key === RANDOM_KEY || c.unmasked) return { ...c, vsRandom: null, judgement: null };
      const vsRandom = c.accuracies.length === 0 || r.accuracies.length === 0 ? null : welch(c.accuracies, r.accuracies);
      return { ...c, vsRandom, judgement: judge(c, r) };
    });
    return { key, spec: specs[k], cells, ...verdictOf(key, cells, problems), outlineEffect: hasOutlineEffect(config, cells) };
  });
}

/** Each method's verdict and its reason, as the results bundle carries them. */
export function verdictsOf(summary: readonly MethodSummary[]): { method: string; verdict: Verdict; reason: string }[] {
  return summary.map((m) => ({ method: m.key, verdict: m.verdict, reason: m.reason }));
}
