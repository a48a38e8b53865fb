// A change of incident state that must not fork between consoles (resolving now; severity and
// roles once they go through here): asked of the recorder's compare-and-set first — with
// sharing, the server decides — and, when refused, the sentence that tells the operator why.
import type { StateChange, StateOutcome, TimelineRecorder } from './recorder.js';

/** Says who won a race: "ana resolved it first". */
export type LostText = (by: string, current: string | null) => string;

/** The sentence for a refused change; `what` names it for the operator ("resolve", "severity P1"). */
export function refusalText(outcome: Exclude<StateOutcome, { ok: true }>, what: string, lost?: LostText): string {
  if (outcome.offline) {
    return `${what} refused: the shared incident is OFFLINE, and this must not differ between consoles — try again once it is back${outcome.detail ? ` (${outcome.detail})` : ''}`;
  }
  return `${what} refused: ${lost ? lost(outcome.by, outcome.current) : `${outcome.by} changed it first (now ${outcome.current ?? 'unset'})`}`;
}

/**
 * Asks before making `change`: null when it may go ahead (always, without sharing), else why not.
 * The caller records the change only after a null.
 */
export async function refusedChange(recorder: Pick<TimelineRecorder, 'changeState'>, change: StateChange, what: string, lost?: LostText): Promise<string | null> {
  if (!recorder.changeState) return null;
  const outcome = await recorder.changeState(change);
  return outcome.ok ? null : refusalText(outcome, what, lost);
}
