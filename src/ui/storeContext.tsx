import { createContext, useContext, type ReactNode } from 'react';
import { useStore, type StoreApi } from 'zustand';
import type { LabState, LabStore } from '../state/labStore';
import type { GalleryState, GalleryStore } from '../state/galleryStore';
import type { SweepState, SweepStore } from '../state/sweepStore';

export interface Stores {
  lab: LabStore;
  gallery: GalleryStore;
  sweep: SweepStore;
}

const StoreContext = createContext<Stores | null>(null);

export function StoreProvider({ stores, children }: { stores: Stores; children: ReactNode }) {
  return <StoreContext.Provider value={stores}>{children}</StoreContext.Provider>;
}

function useSlice<S, T>(pick: (s: Stores) => StoreApi<S>, selector: (s: S) => T): T {
  const stores = useContext(StoreContext);
  if (!stores) throw new Error('store hook used outside StoreProvider');
  return useStore(pick(stores), selector);
}

/** Selects a slice of the training state; re-renders only when that slice changes. */
export const useLab = <T,>(selector: (s: LabState) => T): T => useSlice((s) => s.lab, selector);
export const useGallery = <T,>(selector: (s: GalleryState) => T): T => useSlice((s) => s.gallery, selector);
export const useSweep = <T,>(selector: (s: SweepState) => T): T => useSlice((s) => s.sweep, selector);
