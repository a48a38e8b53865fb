// Hands the pane registry to the parts of the console that read it (the key dispatcher, the App,
// help). Given by the dispatcher, which every console tree has, so a test can run the console on
// a registry of its own.
import React, { createContext, useContext, type ReactNode } from 'react';
import type { PaneRegistry } from './pane-entry.js';

const PaneRegistryContext = createContext<PaneRegistry | null>(null);

/** Makes `panes` the registry of everything below it. */
export function PaneRegistryProvider({ panes, children }: { panes: PaneRegistry; children: ReactNode }) {
  return <PaneRegistryContext.Provider value={panes}>{children}</PaneRegistryContext.Provider>;
}

/** The pane registry the console runs with. */
export function usePaneRegistry(): PaneRegistry {
  const panes = useContext(PaneRegistryContext);
  if (!panes) throw new Error('usePaneRegistry outside <KeyDispatcher panes=…>');
  return panes;
}
