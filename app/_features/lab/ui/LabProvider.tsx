'use client';
// Creates a widget's store once, starts it (its first request creates the
// shared worker) and provides it to the components inside.
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { createLabStore, type LabStoreOptions, type LabStore } from '@/app/_features/lab/store';
import { LabStoreContext } from '@/app/_features/lab/use-lab';
import { sharedLabWorker } from '@/app/_features/lab/worker/client';

/** The heading level of a widget's own title; its panels use the next one. */
export const HeadingLevel = createContext(3);

export function PanelTitle({ id, children }: { id: string; children: ReactNode }) {
  const level = Math.min(6, useContext(HeadingLevel) + 1);
  const Tag = `h${level}` as 'h4';
  return (
    <Tag id={id} className="lab-panel-title">
      {children}
    </Tag>
  );
}

export function WidgetTitle({ id, children }: { id: string; children: ReactNode }) {
  const Tag = `h${useContext(HeadingLevel)}` as 'h3';
  return (
    <Tag id={id} className="lab-title">
      {children}
    </Tag>
  );
}

export interface LabProviderProps {
  options: Omit<LabStoreOptions, 'client'>;
  /** Called once the store runs; may return a cleanup (e.g. the URL sync). */
  onStore?: (store: LabStore) => void | (() => void);
  children: ReactNode;
}

export function LabProvider({ options, onStore, children }: LabProviderProps) {
  const [store] = useState(() => createLabStore({ ...options, client: sharedLabWorker() }));
  useEffect(() => {
    store.getState().start();
    const cleanup = onStore?.(store);
    return () => {
      cleanup?.();
      store.getState().dispose();
    };
    // The store lives as long as the widget; options are read once.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store]);
  return <LabStoreContext.Provider value={store}>{children}</LabStoreContext.Provider>;
}
