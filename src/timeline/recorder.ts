// What capabilities use to put something on the incident timeline. The journal (this folder)
// implements it durably; anything that records goes through this interface only.

/** Event kinds written by this version. Readers keep unknown kinds from newer versions as raw. */
export type EventKind =
  | 'incident.opened'
  | 'incident.severity'
  | 'incident.resolved'
  | 'incident.reopened'
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
  | 'status.update'
  | 'note'
  | 'operator.joined'
  | 'operator.left'
  | 'host.connection';

/** Extra facts about an event being recorded. */
export interface RecordOptions {
  /** Real time of a backfilled event (epoch ms); default now. */
  at?: number;
  backfilled?: boolean;
}

/** Appends events to the incident timeline (redacted, durable before shown). */
export interface TimelineRecorder {
  record(kind: EventKind, data: Record<string, unknown>, options?: RecordOptions): void;
}
