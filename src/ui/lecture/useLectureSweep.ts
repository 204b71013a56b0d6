import { useMemo } from 'react';
import { summariseSweep, type MethodSummary } from '../../engine/sweep/summary';
import { useSweep } from '../labContext';

export interface LectureSweep {
  summary: MethodSummary[];
  thresholds: number[];
  mode: 'roar' | 'kar';
  runs: number;
  title: string;
}

/** The sweep on the page (running, finished or reopened), summarised as the sweep panel does; null before there is one. */
export function useLectureSweep(): LectureSweep | null {
  const current = useSweep((s) => s.current);
  return useMemo(() => {
    if (!current) return null;
    const { config, runs } = current.results;
    return { summary: summariseSweep(current.results), thresholds: config.thresholds, mode: config.mask.mode, runs: runs.length, title: current.title };
  }, [current]);
}
