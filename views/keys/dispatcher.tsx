// Key dispatch by priority, as in gemini-cli: an open modal takes every key; else the focused
// pane's binding for the key, if its handler is registered and does not decline (returns false);
// else the global binding. Bindings come from the one key table (src/keys/keymap.ts); the focused
// pane and the keys that focus panes come from the pane registry (views/panes/registry.ts).
import React, { createContext, useContext, useEffect, useRef, type ReactNode } from 'react';
import { useInput, type Key } from 'ink';
import { findBinding, keyLabel, type ColonName, type CommandId, type KeyScope } from '../../src/keys/keymap.js';
import type { WarroomStore } from '../../src/store/store.js';
import { mayAct } from '../../src/mode/mode-guard.js';
import { focusedPane, paneForKey, type PaneRegistry } from '../panes/pane-entry.js';
import { PaneRegistryProvider } from '../panes/registry-context.js';
import { keyName, splitRead } from './key-name.js';

/** A command handler; returning false passes the key on to the global scope. */
export type CommandHandler = () => void | boolean;
/** A raw key handler for modals and text fields. */
export type ModalHandler = (input: string, key: Key) => void;
/** A `:` command handler; gets the words after the command name and the raw rest. */
export type ColonHandler = (args: string[], rest: string) => void;

interface Registry {
  commands: Map<string, CommandHandler[]>;
  modals: { handler: React.MutableRefObject<ModalHandler> }[];
  colon: Map<string, ColonHandler>;
}

const RegistryContext = createContext<Registry | null>(null);

function useRegistry(): Registry {
  const registry = useContext(RegistryContext);
  if (!registry) throw new Error('key hooks used outside <KeyDispatcher>');
  return registry;
}

/** Which scope the focused pane answers to (the timeline can stand in for the logs). */
function focusedScope(store: WarroomStore, panes: PaneRegistry): KeyScope {
  const { focus, shown } = store.getState();
  return (focusedPane(panes, focus, shown)?.scope ?? 'global') as KeyScope;
}

/** Routes every keypress of the console by the pane registry `panes`; renders its children. */
export function KeyDispatcher({ store, panes, children }: { store: WarroomStore; panes: PaneRegistry; children: ReactNode }) {
  const registry = useRef<Registry>({ commands: new Map(), modals: [], colon: new Map() }).current;

  const dispatch = (input: string, key: Key) => {
    const top = registry.modals.at(-1);
    if (top) {
      top.handler.current(input, key);
      return;
    }
    const name = keyName(input, key);
    for (const scope of [focusedScope(store, panes), 'global'] as const) {
      // The registry's focus keys are global keys: a pane's own binding for the key comes first.
      const focusTo = scope === 'global' ? paneForKey(panes, name, store.getState().shown) : undefined;
      if (focusTo) return store.getState().focusPane(focusTo.id);
      const binding = findBinding(scope, name);
      if (!binding) continue;
      const state = store.getState();
      if (binding.dangerous && !mayAct(store, `${keyLabel(name)} (${binding.description})`)) return;
      const handlers = registry.commands.get(binding.command) ?? [];
      const handler = handlers.at(-1);
      if (handler) {
        if (handler() !== false) return;
        continue;
      }
      if (scope === 'global') {
        state.showFlash(`${keyLabel(name)} (${binding.description}) is not available in this build yet`, 'warn');
        return;
      }
    }
  };

  // Several keys can arrive in one read (typing fast over SSH, tmux send-keys, a paste). A key
  // may open a prompt that only listens once it is drawn (`n`, `:`), so after each key outside a
  // prompt the rest of the read waits for the console to settle and is then read again, as if
  // typed after seeing it: `ntodo: call the DBA` over a slow link is a note, not eleven commands.
  const waiting = useRef<{ input: string; key: Key }[]>([]);
  const settling = useRef(false);
  const read = (input: string, key: Key) => {
    const presses = splitRead(input, key, registry.modals.length > 0);
    for (let i = 0; i < presses.length; i++) {
      const inPrompt = registry.modals.length > 0;
      dispatch(presses[i]!.input, presses[i]!.key);
      if (!inPrompt && i < presses.length - 1) {
        const rest = presses.slice(i + 1).map((p) => (p.key.return ? '\r' : p.input)).join('');
        waiting.current.unshift({ input: rest, key });
        settle();
        return;
      }
    }
  };
  const settle = () => {
    if (settling.current) return;
    settling.current = true;
    setTimeout(() => {
      settling.current = false;
      const next = waiting.current.shift();
      if (next) read(next.input, next.key);
      if (waiting.current.length > 0) settle();
    }, 0);
  };

  useInput((input, key) => {
    if (settling.current) waiting.current.push({ input, key });
    else read(input, key);
  });

  return (
    <RegistryContext.Provider value={registry}>
      <PaneRegistryProvider panes={panes}>{children}</PaneRegistryProvider>
    </RegistryContext.Provider>
  );
}

/** Registers handlers by command id (see the key table) while the component is mounted and active. */
export function useCommands(handlers: Partial<Record<CommandId, CommandHandler>>, isActive = true): void {
  const registry = useRegistry();
  const latest = useRef(handlers);
  latest.current = handlers;
  const ids = Object.keys(handlers).sort().join(',');
  useEffect(() => {
    if (!isActive) return;
    const entries = ids.split(',').filter(Boolean).map((id) => {
      const handler: CommandHandler = () => latest.current[id as CommandId]?.();
      const list = registry.commands.get(id) ?? [];
      list.push(handler);
      registry.commands.set(id, list);
      return [id, handler] as const;
    });
    return () => {
      for (const [id, handler] of entries) {
        const list = registry.commands.get(id) ?? [];
        registry.commands.set(id, list.filter((h) => h !== handler));
      }
    };
  }, [registry, ids, isActive]);
}

/** Lists the command ids that have a handler right now (for the test that every binding has one). */
export function useHandledCommands(): () => CommandId[] {
  const registry = useRegistry();
  return () => [...registry.commands].filter(([, handlers]) => handlers.length > 0).map(([id]) => id as CommandId);
}

/** The `:` names registered right now (for the test that help lists every one). */
export function useColonNames(): () => string[] {
  const registry = useRegistry();
  return () => [...registry.colon.keys()].sort();
}

/** While active, this handler receives every key before anything else (dialogs, text fields). */
export function useModalInput(handler: ModalHandler, isActive: boolean): void {
  const registry = useRegistry();
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    if (!isActive) return;
    const entry = { handler: latest };
    registry.modals.push(entry);
    return () => {
      registry.modals = registry.modals.filter((m) => m !== entry);
    };
  }, [registry, isActive]);
}

/** Registers `:name` commands while mounted. */
export function useColonCommands(handlers: Partial<Record<ColonName, ColonHandler>>): void {
  const registry = useRegistry();
  const latest = useRef(handlers);
  latest.current = handlers;
  const names = Object.keys(handlers).sort().join(',');
  useEffect(() => {
    const list = names.split(',').filter(Boolean);
    for (const name of list) registry.colon.set(name, (args, rest) => latest.current[name as ColonName]?.(args, rest));
    return () => {
      for (const name of list) registry.colon.delete(name);
    };
  }, [registry, names]);
}

/** Runs a `:` command line; returns an error message when the command is unknown. */
export function useRunColon(): (line: string) => string | null {
  const registry = useRegistry();
  return (line: string) => {
    const trimmed = line.trim();
    if (!trimmed) return null;
    const [name = '', ...args] = trimmed.split(/\s+/);
    const handler = registry.colon.get(name);
    if (!handler) return `unknown command :${name} (? lists commands)`;
    handler(args, trimmed.slice(name.length).trim());
    return null;
  };
}
