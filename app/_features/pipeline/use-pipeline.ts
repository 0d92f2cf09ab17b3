'use client';
// React binding of the pipeline widget's store.
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { PipelineState, PipelineStore } from './store';

export const PipelineStoreContext = createContext<PipelineStore | null>(null);

export function usePipelineStore(): PipelineStore {
  const store = useContext(PipelineStoreContext);
  if (!store) throw new Error('usePipeline must be used inside a PipelineStoreContext provider');
  return store;
}

export function usePipeline<T>(selector: (state: PipelineState) => T): T {
  return useStore(usePipelineStore(), selector);
}
