// Key dispatch by priority, as in gemini-cli: an open modal takes every key; else the focused
// pane's binding for the key, if its handler is registered and does not decline (returns false);
// else the global binding. Bindings come from the one key table (src/keys/keymap.ts); the focused
// pane and the keys that focus panes come from the pane registry (views/panes/registry.ts).
//
// Every key of a read is handled on its own and in order (terminal-input.ts cuts reads into
// keys). A key can change who listens (`n` opens the note prompt, Enter closes it), and React
// draws that change later, so after such a key the next one waits until React has committed it
// (the probe below): `nfix it\r:note x\r` in one read is a note, then a command, exactly as if
// typed slowly. Handlers register in layout effects, which run in that same commit.
import React, { createContext, useContext, useEffect, useImperativeHandle, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useStdin, type Key } from 'ink';
import { findBinding, keyLabel, type ColonName, type CommandId, type KeyScope } from '../../src/keys/keymap.js';
import type { WarroomStore } from '../../src/store/store.js';
import { mayAct } from '../../src/mode/mode-guard.js';
import { focusedPane, paneForKey, type PaneRegistry } from '../panes/pane-entry.js';
import { PaneRegistryProvider } from '../panes/registry-context.js';
import { InputPump, type Delivery, type ReadEvent } from './input-pump.js';
import { isTextEdit, keyName } from './key-name.js';

/** A command handler; returning false passes the key on to the global scope. */
export type CommandHandler = () => void | boolean;
/** Where a key came from. */
export interface KeyContext {
  /** The read it arrived in: keys with the same number arrived together (see useLatestRead). */
  read: number;
}

/**
 * A raw key handler for modals and text fields. It gets every key; for Ctrl-C, returning true
 * says it used it (a running action cancelled, a field closed), else Ctrl-C goes on to quit.
 */
export type ModalHandler = (input: string, key: Key, context: KeyContext) => void | boolean;
/** A `:` command handler; gets the words after the command name and the raw rest. */
export type ColonHandler = (args: string[], rest: string) => void;

/** What a modal takes besides keys. */
export interface ModalOptions {
  /** Receives bracketed pastes (the text as pasted); without it a paste is refused while the modal shows. */
  onPaste?: (text: string) => void;
  /**
   * A text field whose handler edits the latest text (a ref, not this render's state), so
   * typing keys need not wait for a render between them. @default false
   */
  takesText?: boolean;
}

interface ModalEntry {
  handler: React.MutableRefObject<ModalHandler>;
  options: React.MutableRefObject<ModalOptions>;
}

interface Registry {
  commands: Map<string, CommandHandler[]>;
  modals: ModalEntry[];
  colon: Map<string, ColonHandler>;
  /** The number of the latest read received from the terminal (its keys may still be queued). */
  lastRead: () => number;
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

/** The longest a key waits for the console to draw the one before it. */
const SETTLE_FALLBACK_MS = 500;

/** Calls back once React has committed what was asked of it before (see the file comment). */
interface CommitProbe {
  afterCommit: (then: () => void) => void;
}

/** A leaf that re-renders on demand; its layout effect runs in the commit that also draws every earlier update. */
function CommitProbeView({ ref }: { ref: React.Ref<CommitProbe> }) {
  const [tick, setTick] = useState(0);
  const waiting = useRef<(() => void)[]>([]);
  useImperativeHandle(ref, () => ({
    afterCommit: (then) => {
      waiting.current.push(then);
      setTick((t) => t + 1);
    },
  }), []);
  useLayoutEffect(() => {
    const callbacks = waiting.current.splice(0);
    // Outside the commit (the callbacks dispatch keys, whose state updates start a new render),
    // and after every promise turn the key set going: `y` resolves a confirmation and the approved
    // step registers as running a few turns later, so an `O` in the same read (`yO`) handled in a
    // plain microtask found nothing running. A tick queued from a microtask runs once the
    // microtask queue is empty, and still before any other input, timer or network event
    // (setImmediate let a shared console's role claim in between the `:` and the Enter of a
    // `:role ic me` typed before it arrived).
    if (callbacks.length > 0) queueMicrotask(() => process.nextTick(() => callbacks.forEach((callback) => callback())));
  }, [tick]);
  return null;
}

/** Routes every keypress and paste of the console by the pane registry `panes`; renders its children. */
export function KeyDispatcher({ store, panes, children }: { store: WarroomStore; panes: PaneRegistry; children: ReactNode }) {
  const registry = useRef<Registry>({ commands: new Map(), modals: [], colon: new Map(), lastRead: () => 0 }).current;
  const probe = useRef<CommitProbe>(null);

  const runBinding = (name: string): void => {
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

  const deliver = (event: ReadEvent): Delivery => {
    const top = registry.modals.at(-1);
    if (event.type === 'paste') {
      const onPaste = top?.options.current.onPaste;
      if (onPaste) onPaste(event.text);
      // A paste is text, never keys: outside a field it does nothing (and says so).
      else store.getState().showFlash(top ? 'paste ignored: this prompt takes no text' : 'paste ignored: open a prompt first (n note, : command)', 'warn');
      return 'wait';
    }
    const { input, key } = event;
    const name = keyName(input, key);
    if (top) {
      const used = top.handler.current(input, key, { read: event.read });
      // Ctrl-C is always a way out: a prompt may use it (and say so), else it quits.
      if (name === 'ctrl-c' && used !== true) runBinding(name);
      return top.options.current.takesText && isTextEdit(key) ? 'next' : 'wait';
    }
    runBinding(name);
    return 'wait';
  };

  const latestDeliver = useRef(deliver);
  latestDeliver.current = deliver;
  // Whichever comes first: the commit, or a moment (should React never commit, keys must not stop).
  const settle = (then: () => void) => {
    let done = false;
    const go = () => {
      if (done) return;
      done = true;
      clearTimeout(fallback);
      then();
    };
    const fallback = setTimeout(go, SETTLE_FALLBACK_MS);
    if (probe.current) probe.current.afterCommit(go);
    else setImmediate(go);
  };

  // Ink's raw input events: what its own useInput listens to, before it merges a read into one string.
  const { internal_eventEmitter: inkInput, setRawMode } = useStdin();
  useEffect(() => {
    setRawMode(true);
    return () => setRawMode(false);
  }, [setRawMode]);
  useEffect(() => {
    const pump = new InputPump((event) => latestDeliver.current(event), settle);
    const onInput = (raw: string) => pump.push(raw);
    registry.lastRead = () => pump.lastRead;
    inkInput.on('input', onInput);
    return () => {
      inkInput.removeListener('input', onInput);
      pump.stop();
    };
    // settle reads only refs: the pump lives as long as Ink's input does.
  }, [inkInput]);

  return (
    <RegistryContext.Provider value={registry}>
      <PaneRegistryProvider panes={panes}>{children}</PaneRegistryProvider>
      <CommitProbeView ref={probe} />
    </RegistryContext.Provider>
  );
}

/** Registers handlers by command id (see the key table) while the component is mounted and active. */
export function useCommands(handlers: Partial<Record<CommandId, CommandHandler>>, isActive = true): void {
  const registry = useRegistry();
  const latest = useRef(handlers);
  latest.current = handlers;
  const ids = Object.keys(handlers).sort().join(',');
  useLayoutEffect(() => {
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
export function useModalInput(handler: ModalHandler, isActive: boolean, options: ModalOptions = {}): void {
  const registry = useRegistry();
  const latest = useRef(handler);
  latest.current = handler;
  const latestOptions = useRef(options);
  latestOptions.current = options;
  useLayoutEffect(() => {
    if (!isActive) return;
    const entry: ModalEntry = { handler: latest, options: latestOptions };
    registry.modals.push(entry);
    return () => {
      registry.modals = registry.modals.filter((m) => m !== entry);
    };
  }, [registry, isActive]);
}

/**
 * The number of the latest read from the terminal. Taken when something is drawn, it tells a key
 * typed after the drawing (a larger read in KeyContext) from one typed before it could be seen,
 * such as a key that came in the same read as the key that opened a question, or queued behind it.
 */
export function useLatestRead(): () => number {
  const registry = useRegistry();
  return () => registry.lastRead();
}

/** Registers `:name` commands while mounted. */
export function useColonCommands(handlers: Partial<Record<ColonName, ColonHandler>>): void {
  const registry = useRegistry();
  const latest = useRef(handlers);
  latest.current = handlers;
  const names = Object.keys(handlers).sort().join(',');
  useLayoutEffect(() => {
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
