import React, { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { WarroomState, WarroomStore } from '../src/store/store.js';

const StoreContext = createContext<WarroomStore | null>(null);

/** Makes the engine's store available to every view below it. */
export function StoreProvider({ store, children }: { store: WarroomStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

/** The store itself, for actions and for reading outside render. */
export function useWarroomStore(): WarroomStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useWarroomStore outside <StoreProvider>');
  return store;
}

/** Subscribes to one value of the store. The selector must not build a new object per call. */
export function useWarroom<T>(selector: (state: WarroomState) => T): T {
  return useStore(useWarroomStore(), selector);
}
