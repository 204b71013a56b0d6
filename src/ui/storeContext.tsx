import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { LabState, LabStore } from '../state/labStore';

const StoreContext = createContext<LabStore | null>(null);

export function StoreProvider({ store, children }: { store: LabStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

/** Selects a slice of the lab state; re-renders only when that slice changes. */
export function useLab<T>(selector: (s: LabState) => T): T {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useLab outside StoreProvider');
  return useStore(store, selector);
}
