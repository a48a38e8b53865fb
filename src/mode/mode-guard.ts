// The one place that decides whether this console may touch the outside world, and whether what
// it does is only shown and recorded (dry-run). Every entry point (keys, `:` commands, timers,
// runbook commands, paging) asks here, so a read-only console refuses whatever path a request
// takes and every refusal reads the same.
import type { ConsoleMode } from './console-mode.js';

/** What the guard reads and tells: the console's mode, and the footer for a refusal (the store is one). */
export interface ModeHost {
  getState(): {
    incident: { mode: ConsoleMode };
    showFlash(text: string, tone?: 'info' | 'warn' | 'error', ms?: number): void;
  };
}

/** The message for refused work in a read-only console, or null when it may proceed. */
export function readOnlyRefusal(mode: ConsoleMode, what: string): string | null {
  return mode === 'read-only' ? `read-only console: ${what} refused` : null;
}

/** Refuses in read-only mode (shown as a warning); true when the work may go on. */
export function mayAct(host: ModeHost, what: string): boolean {
  const state = host.getState();
  const refusal = readOnlyRefusal(state.incident.mode, what);
  if (refusal) state.showFlash(refusal, 'warn');
  return refusal === null;
}

/** True in a read-only console, for work that is skipped silently (a timer's prompt) rather than refused. */
export function isReadOnly(host: ModeHost): boolean {
  return host.getState().incident.mode === 'read-only';
}

/** True when this console only shows and records work (drills, training). */
export function isDryRun(host: ModeHost): boolean {
  return host.getState().incident.mode === 'dry-run';
}
