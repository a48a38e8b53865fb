// Each pane's own state (its cursor, filter, sort, scroll) as a reducer with named actions, as
// ink-ui's components keep theirs, but held outside the component: a pane unmounts when another
// is zoomed, when a dialog or help covers the panes and when the timeline takes its slot, and its
// cursor must be where it was when it comes back. The engine never sees this state: commands are
// handed the selection when a key asks for them.
import React, { createContext, useCallback, useContext, useRef, useSyncExternalStore, type ReactNode } from 'react';

/** The panes' states by key, with a listener set per key. */
export class PaneStates {
  private readonly values = new Map<string, unknown>();
  private readonly listeners = new Map<string, Set<() => void>>();

  /** The state under `key`, created from `initial` the first time. */
  get<S>(key: string, initial: S): S {
    if (!this.values.has(key)) this.values.set(key, initial);
    return this.values.get(key) as S;
  }

  /** Replaces the state under `key` and tells its listeners. */
  set<S>(key: string, value: S): void {
    if (this.values.get(key) === value) return;
    this.values.set(key, value);
    for (const listener of this.listeners.get(key) ?? []) listener();
  }

  /** Calls `listener` whenever the state under `key` changes; returns the unsubscribe. */
  subscribe(key: string, listener: () => void): () => void {
    const set = this.listeners.get(key) ?? new Set();
    set.add(listener);
    this.listeners.set(key, set);
    return () => set.delete(listener);
  }
}

const PaneStatesContext = createContext<PaneStates | null>(null);

/** Keeps the panes' states for everything below it (the console's App provides one). */
export function PaneStatesProvider({ children }: { children: ReactNode }) {
  const states = useRef<PaneStates | null>(null);
  states.current ??= new PaneStates();
  return <PaneStatesContext.Provider value={states.current}>{children}</PaneStatesContext.Provider>;
}

/**
 * A reducer's state kept under `key` across unmounts (a pane rendered with no provider keeps it
 * for its own lifetime only). `dispatch` applies the action to the latest state at once, so
 * several keys of one read each see the previous one's result.
 */
export function usePaneReducer<S, A>(key: string, reducer: (state: S, action: A) => S, initial: S): [S, (action: A) => void] {
  const shared = useContext(PaneStatesContext);
  const own = useRef<PaneStates | null>(null);
  const states = shared ?? (own.current ??= new PaneStates());
  const subscribe = useCallback((listener: () => void) => states.subscribe(key, listener), [states, key]);
  const state = useSyncExternalStore(subscribe, () => states.get(key, initial));
  const latest = useRef(reducer);
  latest.current = reducer;
  const dispatch = useCallback((action: A) => states.set(key, latest.current(states.get(key, initial), action)), [states, key]);
  return [state, dispatch];
}
