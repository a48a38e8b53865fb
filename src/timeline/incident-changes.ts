// The incident's shared state changes, each through one small function: severity, roles,
// milestones and acknowledgement. Every console, command and (later) the shared incident goes
// through these, so making one compare-and-set (the state must not fork between consoles)
// changes one function, not its callers.
import type { MilestoneName } from './key-times.js';
import type { RecordOptions, TimelineRecorder } from './recorder.js';
import type { RoleName } from './roles.js';

/** A recorder that may hand back the event it wrote (the journal does; test recorders need not). */
type Recorder = Pick<TimelineRecorder, 'record'>;

/** What a change returns: false only when the journal could not save it (a full disk). */
type Written = boolean;

/** The journal returns the event, or null when the write failed; other recorders return nothing. */
function written(result: unknown): Written {
  return result !== null;
}

/**
 * Changes the severity from `from` (the level this console knows) to `to`, with the reason given.
 * @returns false when the journal could not save it
 */
export function changeSeverity(recorder: Recorder, change: { from: string; to: string; reason?: string }): Written {
  const reason = change.reason?.trim();
  return written(recorder.record('incident.severity', { from: change.from, to: change.to, ...(reason ? { reason } : {}) }));
}

/**
 * Hands `role` from `from` (its holder as this console knows it, null: nobody) to `to` (null:
 * released). Claiming is handing it to oneself.
 */
export function changeRole(recorder: Recorder, change: { role: RoleName; from: string | null; to: string | null }): Written {
  return written(recorder.record('incident.role', { role: change.role, from: change.from, to: change.to }));
}

/** Sets (or corrects) a milestone's time by hand; `text` says why, if given. */
export function setMilestone(recorder: Recorder, milestone: { name: MilestoneName; at: number; text?: string }, options: RecordOptions = {}): Written {
  const text = milestone.text?.trim();
  return written(recorder.record('incident.milestone', { name: milestone.name, at: milestone.at, ...(text ? { text } : {}) }, options));
}

/** Records an explicit acknowledgement (`:ack`). */
export function acknowledge(recorder: Recorder, text?: string): Written {
  const note = text?.trim();
  return written(recorder.record('incident.acknowledged', note ? { text: note } : {}));
}
