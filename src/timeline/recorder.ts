// What capabilities use to put something on the incident timeline. The journal (this folder)
// implements it durably; anything that records goes through this interface only.

/** Event kinds written by this version. Readers keep unknown kinds from newer versions as raw. */
export type EventKind =
  | 'incident.opened'
  | 'incident.severity'
  | 'incident.resolved'
  | 'incident.reopened'
  | 'incident.milestone'
  | 'incident.acknowledged'
  | 'incident.role'
  | 'incident.severity-suggested'
  | 'check.state'
  | 'metric.threshold'
  | 'metric.panel-added'
  | 'log.error-rate'
  | 'log.evidence'
  | 'action.started'
  | 'action.finished'
  | 'runbook.step'
  | 'escalation.sent'
  | 'escalation.failed'
  | 'escalation.prompted'
  | 'escalation.claimed'
  | 'status.update'
  | 'note'
  | 'operator.joined'
  | 'operator.left'
  | 'host.connection'
  | 'alert.firing'
  | 'alert.resolved'
  | 'alert.silenced'
  | 'alert.silence-failed'
  | 'alert.silence-extended'
  | 'alert.silence-expired'
  | 'alert.silence-kept'
  | 'grafana.region';

/** Extra facts about an event being recorded. */
export interface RecordOptions {
  /** Real time of a backfilled event (epoch ms); default now. */
  at?: number;
  backfilled?: boolean;
  /**
   * Recorded by the console on its own (an automatic page), not by the operator: it is stored
   * under `warroom`, naming this console. Kinds that are always automated need not say so.
   */
  automated?: boolean;
  /**
   * A stable id (stableEventId) for an event several consoles may record alike: a journal that
   * already has an event of that id records nothing, and readers keep the first line of an id.
   */
  id?: string;
}

/** Who holds a claim made through the timeline (see TimelineRecorder.claim). */
export interface Claim {
  /** This console's claim came first. */
  won: boolean;
  /** The operator whose claim came first. */
  by: string;
  /** Epoch ms of the first claim. */
  at: number;
}

/** A change of incident state that must not fork between consoles (severity, a role, resolved). */
export interface StateChange {
  /** `severity`, `resolved`, `role.ic`... */
  field: string;
  /** The value this console believes is current (null: none). */
  from: string | null;
  to: string | null;
}

/** How a state change went: made, or refused with who set what first (or that nobody can be asked). */
export type StateOutcome =
  | { ok: true }
  | { ok: false; current: string | null; by: string; offline?: false }
  | { ok: false; offline: true; detail?: string };

/** Appends events to the incident timeline (redacted, durable before shown). */
export interface TimelineRecorder {
  record(kind: EventKind, data: Record<string, unknown>, options?: RecordOptions): void;
  /**
   * Claims `key` among every console recording into this incident, so that only one of them
   * does something (page a contact automatically); null when the claim could not be recorded.
   * Absent where only one console records (then there is nobody to race).
   */
  claim?(key: string, data?: Record<string, unknown>): Promise<Claim | null>;
  /**
   * Makes a state change only if no other console made a conflicting one first (with sharing:
   * compare-and-set on the server). Absent, or `{ ok: true }`, where only this console decides.
   */
  changeState?(change: StateChange): Promise<StateOutcome>;
}
