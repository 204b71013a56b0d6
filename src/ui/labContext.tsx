/**
 * The page's one Lab (state/Lab.ts) for React: components select the state they show, re-rendering only
 * when that slice changes, and call the Lab's commands.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { useStore, type StoreApi } from 'zustand';
import type { Lab } from '../state/Lab';
import type { GalleryState } from '../state/galleryState';
import type { MetricsState } from '../state/metricsState';
import type { SanityState } from '../state/sanityState';
import type { SweepState } from '../state/sweepState';
import type { TrainingState } from '../state/trainingState';

const LabContext = createContext<Lab | null>(null);

export function LabProvider({ lab, children }: { lab: Lab; children: ReactNode }) {
  return <LabContext.Provider value={lab}>{children}</LabContext.Provider>;
}

/** The Lab, for its commands. */
export function useCommands(): Lab {
  const lab = useContext(LabContext);
  if (!lab) throw new Error('a lab hook was used outside LabProvider');
  return lab;
}

function useSlice<S, T>(pick: (lab: Lab) => StoreApi<S>, selector: (s: S) => T): T {
  return useStore(pick(useCommands()), selector);
}

export const useTraining = <T,>(selector: (s: TrainingState) => T): T => useSlice((l) => l.training, selector);
export const useGallery = <T,>(selector: (s: GalleryState) => T): T => useSlice((l) => l.gallery, selector);
export const useSweep = <T,>(selector: (s: SweepState) => T): T => useSlice((l) => l.sweep, selector);
export const useMetrics = <T,>(selector: (s: MetricsState) => T): T => useSlice((l) => l.metrics, selector);
export const useSanity = <T,>(selector: (s: SanityState) => T): T => useSlice((l) => l.sanity, selector);

/**
 * Why step 4 cannot compute now, or null, kept current: it reads the training, gallery, sweep and step-4 jobs
 * it depends on, so a panel re-renders when any of them changes.
 */
export function useChecksBlocked(): string | null {
  const lab = useCommands();
  useTraining((s) => `${s.status}:${s.model !== null}`);
  useGallery((s) => s.status);
  useSweep((s) => s.status);
  useMetrics((s) => s.status);
  useSanity((s) => s.status);
  return lab.checksBlocked();
}
