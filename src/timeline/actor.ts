// Who an event belongs to. People's actions are theirs; what the console observed by itself
// (a check changing state, a threshold crossed, an escalation falling due) belongs to warroom,
// with the console that saw it named, so a post-mortem never reads as if root@vm did it.
import type { TimelineEvent } from './event.js';

/** The operator name automated events are recorded under. */
export const SYSTEM_OPERATOR = 'warroom';

/**
 * Kinds only the console itself records. Journals written before events carried `console` keep
 * the observing operator in `operator`: these kinds are still read as automated.
 */
const AUTOMATED_KINDS: ReadonlySet<string> = new Set([
  'check.state',
  'metric.threshold',
  'log.error-rate',
  'escalation.prompted',
  // A console claiming an automatic page (so one console pages) is not a person acting.
  'escalation.claimed',
  'host.connection',
  'incident.severity-suggested',
  // Alertmanager's alerts as the console read them, and a silence kept alive while the incident
  // is open: observations and upkeep, not a person acknowledging anything.
  'alert.firing',
  'alert.resolved',
  'alert.silence-extended',
]);

/** Whether events of `kind` are always the console's own observations. */
export function isAutomatedKind(kind: string): boolean {
  return AUTOMATED_KINDS.has(kind);
}

/** Who did it: a person, or warroom and the console that saw it. */
export interface Actor {
  /** The operator's name, or `warroom`. */
  who: string;
  /** For automated events: the console (operator) that observed it, when known. */
  console?: string;
  automated: boolean;
}

/** The actor of an event, for old journals (observer in `operator`) and new ones alike. */
export function actorOf(event: TimelineEvent): Actor {
  if (event.operator === SYSTEM_OPERATOR) {
    return { who: SYSTEM_OPERATOR, automated: true, ...(typeof event.console === 'string' ? { console: event.console } : {}) };
  }
  if (isAutomatedKind(event.kind)) return { who: SYSTEM_OPERATOR, console: event.operator, automated: true };
  return { who: event.operator, automated: false };
}

/** `warroom (seen by ana@bastion)`, or the person's name. */
export function actorText(event: TimelineEvent): string {
  const actor = actorOf(event);
  return actor.console === undefined ? actor.who : `${actor.who} (seen by ${actor.console})`;
}

/** Whether a person recorded the event (not warroom on its own). */
export function isHuman(event: TimelineEvent): boolean {
  return !actorOf(event).automated;
}
