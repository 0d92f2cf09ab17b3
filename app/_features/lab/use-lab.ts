'use client';
// React binding of a lab store: each widget provides its own store, and every
// component inside reads the slice it needs.
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { LabState, LabStore } from './store';

export const LabStoreContext = createContext<LabStore | null>(null);

export function useLabStore(): LabStore {
  const store = useContext(LabStoreContext);
  if (!store) throw new Error('useLab must be used inside a LabStoreContext provider');
  return store;
}

export function useLab<T>(selector: (state: LabState) => T): T {
  return useStore(useLabStore(), selector);
}
