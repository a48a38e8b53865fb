// A change of incident state that must not fork between consoles (resolving, severity, roles):
// asked of the recorder's compare-and-set first — with sharing, the server decides — and, when
// refused, the sentence that tells the operator why and the value that won (re-read from the
// server), so the console can show it before the winner's event arrives.
import type { StateChange, StateOutcome, TimelineRecorder } from './recorder.js';

/** Says who won a race: "ana resolved it first". */
export type LostText = (by: string, current: string | null) => string;

/** A refused change: what to tell the operator, and the value now current when the server said. */
export interface Refusal {
  text: string;
  /** Present when another console won: the value it set (null: unset). Absent when offline. */
  current?: { value: string | null; by: string };
}

/** The sentence for a refused change; `what` names it for the operator ("resolve", "severity change"). */
export function refusalText(outcome: Exclude<StateOutcome, { ok: true }>, what: string, lost?: LostText): string {
  if (outcome.offline) {
    return `${what} refused: the shared incident is OFFLINE, and this must not differ between consoles — try again once it is back${outcome.detail ? ` (${outcome.detail})` : ''}`;
  }
  return `${what} refused: ${lost ? lost(outcome.by, outcome.current) : `${outcome.by} changed it first (now ${outcome.current ?? 'unset'})`}`;
}

/**
 * Asks before making `change`: null when it may go ahead (always, without sharing), else why not
 * and, when another console won, what it set. The caller records the change only after a null.
 */
export async function refusal(recorder: Pick<TimelineRecorder, 'changeState'>, change: StateChange, what: string, lost?: LostText): Promise<Refusal | null> {
  if (!recorder.changeState) return null;
  const outcome = await recorder.changeState(change);
  if (outcome.ok) return null;
  const text = refusalText(outcome, what, lost);
  return outcome.offline ? { text } : { text, current: { value: outcome.current, by: outcome.by } };
}

/** refusal() as a sentence only: null when the change may go ahead. */
export async function refusedChange(recorder: Pick<TimelineRecorder, 'changeState'>, change: StateChange, what: string, lost?: LostText): Promise<string | null> {
  return (await refusal(recorder, change, what, lost))?.text ?? null;
}

/**
 * Gives back a change the server accepted but the journal could not record (a full disk), so the
 * shared state does not claim what no timeline shows. Best effort: offline, it stays.
 */
export async function undoChange(recorder: Pick<TimelineRecorder, 'changeState'>, change: StateChange): Promise<void> {
  await recorder.changeState?.({ field: change.field, from: change.to, to: change.from }).catch(() => undefined);
}
