// The one place that decides whether this console may touch the outside world. Every entry
// point (keys, `:` commands, timers) goes through the engine code that calls this, so a
// read-only console refuses whatever path a request takes.
import type { ConsoleMode } from '../store/incident.js';
import type { WarroomStore } from '../store/store.js';

/** The message for refused work in a read-only console, or null when it may proceed. */
export function readOnlyRefusal(mode: ConsoleMode, what: string): string | null {
  return mode === 'read-only' ? `read-only console: ${what} refused` : null;
}

/** Refuses in read-only mode (shown as a warning); true when the work may go on. */
export function mayAct(store: WarroomStore, what: string): boolean {
  const refusal = readOnlyRefusal(store.getState().incident.mode, what);
  if (refusal) store.getState().showFlash(refusal, 'warn');
  return refusal === null;
}

/** True when this console only shows and records work (drills, training). */
export function isDryRun(store: WarroomStore): boolean {
  return store.getState().incident.mode === 'dry-run';
}
