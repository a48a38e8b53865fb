// The post-mortem's facts, computed from the events alone: key times, severity history, roles
// and responders, impact, alerts and silences, evidence, what was sent to whom, and the notes that seed the parts a
// console cannot know. Every export (Markdown, templates, JSON) reports these same facts.
import { actorText } from '../timeline/actor.js';
import { isTodo } from '../timeline/backfill.js';
import { sortByTime, type TimelineEvent } from '../timeline/event.js';
import { summarizeIncident } from '../timeline/incident-state.js';
import { keyTimes, type KeyTimes } from '../timeline/key-times.js';
import { responders, roleHistory, type Responder, type RoleHolders } from '../timeline/roles.js';
import { severityHistory, type SeverityHistory } from '../timeline/severity-history.js';
import { firedAlerts, incidentSilences, type FiredAlert, type SilenceRecord } from './alert-history.js';
import { impactWindows, metricBreaches, serviceImpact, type ImpactWindow, type MetricBreach, type ServiceImpact } from './impact.js';
import { seededNotes, type SeededNotes } from './seeds.js';

export { impactWindows, metricBreaches, serviceImpact, type ImpactWindow, type MetricBreach, type ServiceImpact } from './impact.js';

/** A log line marked as evidence (`m`): where it came from, when it was logged, who marked it. */
export interface Evidence {
  /** When it was marked. */
  at: number;
  /** When the source logged it, when known. */
  loggedAt: number | null;
  source: string;
  level: string;
  text: string;
  markedBy: string;
}

/** One status update: what was said, and where it went (or that it was a dry run). */
export interface StatusUpdate {
  at: number;
  by: string;
  phase: string;
  text: string;
  /** `contact channel` it reached. */
  delivered: string[];
  /** `contact channel: error` it did not reach. */
  failed: string[];
  dryRun: boolean;
}

/** Everything the Markdown and JSON exports report besides the raw events. */
export interface IncidentFacts {
  id: string;
  title: string;
  /** Severity at the end of the record. */
  severity: string;
  startedAt: number;
  detectedAt: number | null;
  acknowledgedAt: number | null;
  mitigatedAt: number | null;
  resolvedAt: number | null;
  /** Resolution or, while open, the latest event. */
  endAt: number;
  open: boolean;
  durationMs: number;
  keyTimes: KeyTimes;
  severityHistory: SeverityHistory;
  /** Role holders at the end of the record. */
  roles: RoleHolders;
  responders: Responder[];
  /** People who recorded anything (warroom's own observations are not a person). */
  operators: string[];
  impact: ImpactWindow[];
  serviceImpact: ServiceImpact[];
  metricBreaches: MetricBreach[];
  /** The war room's alerts that fired, and when they resolved. */
  alerts: FiredAlert[];
  /** The silences the incident created, and what became of them. */
  silences: SilenceRecord[];
  evidence: Evidence[];
  statusUpdates: StatusUpdate[];
  /** `todo:` notes, without the prefix. */
  actionItems: string[];
  /** Notes that seed the sections only people can write (root cause, lessons). */
  seeds: SeededNotes;
  /** Events in time order (stable for equal times). */
  events: TimelineEvent[];
}

function str(value: unknown, fallback = ''): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : fallback;
}

function evidenceOf(sorted: readonly TimelineEvent[]): Evidence[] {
  return sorted
    .filter((e) => e.kind === 'log.evidence')
    .map((e) => {
      const logged = typeof e.data.loggedAt === 'string' ? Date.parse(e.data.loggedAt) : Number.NaN;
      return {
        at: e.ts,
        loggedAt: Number.isFinite(logged) ? logged : null,
        source: str(e.data.source, '?'),
        level: str(e.data.level, '—'),
        // `line` is the older spelling.
        text: str(e.data.text ?? e.data.line),
        markedBy: actorText(e),
      };
    });
}

/** Status updates with the deliveries recorded for each (the per-channel events just before it). */
function statusUpdatesOf(sorted: readonly TimelineEvent[]): StatusUpdate[] {
  const updates: StatusUpdate[] = [];
  let delivered: string[] = [];
  let failed: string[] = [];
  for (const e of sorted) {
    if (e.kind === 'escalation.sent' || e.kind === 'escalation.failed') {
      if (e.data.purpose !== 'status-update') continue;
      const target = `${str(e.data.contact, '?')} ${str(e.data.channel, '?')}`;
      if (e.kind === 'escalation.sent' && e.data.dryRun !== true) delivered.push(target);
      else if (e.kind === 'escalation.failed' && e.data.willRetry !== true) failed.push(`${target}: ${str(e.data.error, '?')}`);
    } else if (e.kind === 'status.update') {
      updates.push({ at: e.ts, by: e.operator, phase: str(e.data.phase, '?'), text: str(e.data.text), delivered, failed, dryRun: e.data.dryRun === true });
      delivered = [];
      failed = [];
    }
  }
  return updates;
}

/** Computes the post-mortem facts of an incident from its events (any order). */
export function incidentFacts(id: string, events: readonly TimelineEvent[]): IncidentFacts {
  const sorted = sortByTime(events);
  const summary = summarizeIncident(id, sorted);
  const times = keyTimes(sorted);
  const { milestones } = times;
  const startedAt = milestones.started.at ?? summary.startedAt;
  const endAt = milestones.resolved.at ?? summary.lastEventAt;
  const history = severityHistory(sorted, startedAt, endAt);
  return {
    id,
    title: summary.title,
    severity: history.current,
    startedAt,
    detectedAt: milestones.detected.at,
    acknowledgedAt: milestones.acknowledged.at,
    mitigatedAt: milestones.mitigated.at,
    resolvedAt: milestones.resolved.at,
    endAt,
    open: summary.open,
    durationMs: Math.max(0, endAt - startedAt),
    keyTimes: times,
    severityHistory: history,
    roles: roleHistory(sorted).holders,
    responders: responders(sorted),
    operators: summary.operators,
    impact: impactWindows(sorted, endAt),
    serviceImpact: serviceImpact(sorted, endAt),
    metricBreaches: metricBreaches(sorted, endAt),
    alerts: firedAlerts(sorted, endAt),
    silences: incidentSilences(sorted),
    evidence: evidenceOf(sorted),
    statusUpdates: statusUpdatesOf(sorted),
    actionItems: sorted
      .filter((e) => e.kind === 'note' && isTodo(str(e.data.text)))
      .map((e) => str(e.data.text).replace(/^\s*todo\s*:\s*/i, '')),
    seeds: seededNotes(sorted),
    events: sorted,
  };
}
