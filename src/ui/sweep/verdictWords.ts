import type { Verdict } from '../../engine/sweep/summary';

/** A verdict in the words the sweep table uses, for the lecture view's large list. */
export const VERDICT_WORDS: Record<Verdict, string> = {
  better: 'better than random',
  worse: 'no better than random',
  mixed: 'mixed',
  inconclusive: 'inconclusive',
  baseline: 'baseline',
};
