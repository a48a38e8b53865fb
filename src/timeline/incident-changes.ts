// The incident's shared state changes, each through one small function: severity, roles,
// milestones and acknowledgement. Every console and command goes through these. Severity and
// roles must not fork between consoles: with sharing on, each is a compare-and-set on the server
// first (guarded-change.ts) and recorded only when this console won; without sharing the
// recorder allows every change and nothing else differs.
import { refusal, undoChange, type Refusal } from './guarded-change.js';
import type { MilestoneName } from './key-times.js';
import type { RecordOptions, StateChange, TimelineRecorder } from './recorder.js';
import { ROLE_TITLES, type RoleName } from './roles.js';

/** A recorder that may hand back the event it wrote (the journal does; test recorders need not). */
type Recorder = Pick<TimelineRecorder, 'record'>;
/** A recorder that may also ask the shared incident's compare-and-set (the journal does). */
type GuardedRecorder = Pick<TimelineRecorder, 'record' | 'changeState'>;

/** What a change returns: false only when the journal could not save it (a full disk). */
type Written = boolean;

/** How a guarded change went: recorded, refused (another console won, or offline), or not saved. */
export type GuardedOutcome = { done: true } | { done: false; refused: Refusal } | { done: false; unsaved: true };

/** The journal returns the event, or null when the write failed; other recorders return nothing. */
function written(result: unknown): Written {
  return result !== null;
}

/** Compare-and-set, then record; a change the journal cannot save is given back to the server. */
async function guarded(recorder: GuardedRecorder, change: StateChange, what: string, lost: (by: string, current: string | null) => string, write: () => unknown): Promise<GuardedOutcome> {
  const refused = await refusal(recorder, change, what, lost);
  if (refused) return { done: false, refused };
  if (written(write())) return { done: true };
  await undoChange(recorder, change);
  return { done: false, unsaved: true };
}

/**
 * Changes the severity from `from` (the level this console knows) to `to`, with the reason given,
 * unless another console changed it first.
 */
export function changeSeverity(recorder: GuardedRecorder, change: { from: string; to: string; reason?: string }): Promise<GuardedOutcome> {
  const reason = change.reason?.trim();
  return guarded(
    recorder,
    { field: 'severity', from: change.from, to: change.to },
    'severity change',
    (by, current) => `${by} set severity ${current ?? '(none)'} first`,
    () => recorder.record('incident.severity', { from: change.from, to: change.to, ...(reason ? { reason } : {}) }),
  );
}

/**
 * Hands `role` from `from` (its holder as this console knows it, null: nobody) to `to` (null:
 * released), unless another console changed it first. Claiming is handing it to oneself.
 */
export function changeRole(recorder: GuardedRecorder, change: { role: RoleName; from: string | null; to: string | null }): Promise<GuardedOutcome> {
  const title = ROLE_TITLES[change.role];
  return guarded(
    recorder,
    { field: `role.${change.role}`, from: change.from, to: change.to },
    'role change',
    (by, current) => (current === null ? `${by} released ${title} first` : current === by ? `${by} became ${title} first` : `${by} made ${current} ${title} first`),
    () => recorder.record('incident.role', { role: change.role, from: change.from, to: change.to }),
  );
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
