// The named fields a post-mortem template is filled from. Every text is already redacted and
// escaped for inline Markdown (a title with `|` or `<script>` stays text), so a template places
// fields as they are; `sections.*` are whole Markdown blocks (tables, prompts) ready to place.
import { ROLE_TITLES } from '../timeline/roles.js';
import type { Redactor } from '../text/redact.js';
import type { IncidentFacts } from './facts.js';
import { inlineText } from './markdown-escape.js';
import type { PostmortemSections } from './markdown.js';
import { PROMPT_MARKER } from './prompts.js';
import { duration, utcTime, when } from './render-kit.js';

/** The fields, as a template sees them (snake_case, as Liquid templates usually name things). */
export type TemplateFields = Record<string, unknown>;

/** Builds the template fields from the facts and the rendered sections. */
export function templateFields(f: IncidentFacts, s: PostmortemSections, redactor: Redactor): TemplateFields {
  const t = (text: string): string => inlineText(redactor(text));
  const { milestones, durations } = f.keyTimes;
  const time = (ms: number | null): string => when(ms, 'not recorded');
  const notes = (list: typeof f.seeds.cause) => list.map((n) => ({ time: `${utcTime(n.at)} UTC`, by: t(n.by), text: t(n.text) }));
  return {
    prompt: PROMPT_MARKER,
    incident: {
      id: t(f.id),
      title: t(f.title),
      status: f.open ? 'open' : 'resolved',
      severity: t(f.severity),
      initial_severity: t(f.severityHistory.initial),
      commander: t(f.roles.ic ?? 'not named'),
      scribe: t(f.roles.scribe ?? 'not named'),
      comms: t(f.roles.comms ?? 'not named'),
      duration: duration(f.durationMs),
      responders: f.responders.map((r) => t(r.name)).join(', ') || 'none recorded',
      services_affected: f.serviceImpact.map((i) => t(i.service)).join(', ') || 'none recorded',
      date: utcTime(f.startedAt).slice(0, 10),
    },
    times: {
      started: time(milestones.started.at),
      detected: time(milestones.detected.at),
      acknowledged: time(milestones.acknowledged.at),
      mitigated: time(milestones.mitigated.at),
      resolved: time(milestones.resolved.at),
    },
    durations: {
      to_detect: duration(durations.toDetect),
      to_acknowledge: duration(durations.toAcknowledge),
      to_mitigate: duration(durations.toMitigate),
      to_resolve: duration(durations.toResolve),
      total: duration(f.durationMs),
    },
    milestones: Object.values(milestones).map((m) => ({ name: m.name, time: time(m.at), how: t(m.how), by_hand: m.source === 'hand' })),
    severity_changes: f.severityHistory.changes.map((c) => ({ time: `${utcTime(c.at)} UTC`, from: t(c.from), to: t(c.to), by: t(c.by), why: t(c.reason || 'not given') })),
    time_at_severity: f.severityHistory.timeAt.map((l) => ({ severity: t(l.severity), duration: duration(l.durationMs) })),
    responders: f.responders.map((r) => ({
      name: t(r.name),
      roles: r.roles.map((span) => ROLE_TITLES[span.role]).join(', ') || 'none',
      joined: `${utcTime(r.joinedAt)} UTC`,
      left: r.leftAt === null ? '—' : `${utcTime(r.leftAt)} UTC`,
    })),
    impact: f.serviceImpact.map((i) => ({
      service: t(i.service),
      worst: i.worst,
      first_not_up: `${utcTime(i.from)} UTC`,
      back_up: i.to === null ? 'ongoing' : `${utcTime(i.to)} UTC`,
      window: duration(i.durationMs),
      time_down: duration(i.downMs),
    })),
    alerts: f.alerts.map((a) => ({
      name: t(a.alert),
      severity: t(a.severity ?? 'none'),
      labels: t(a.labels),
      fired: `${utcTime(a.firedAt)} UTC`,
      resolved: a.resolvedAt === null ? 'still firing' : `${utcTime(a.resolvedAt)} UTC`,
      duration: duration(a.durationMs),
    })),
    silences: f.silences.map((s) => ({
      created: `${utcTime(s.startsAt)} UTC`,
      matchers: t(s.matchers),
      created_by: t(s.createdBy),
      alert: t(s.alert ?? ''),
      state: s.state,
      ends: `${utcTime(s.endsAt)} UTC`,
    })),
    evidence: f.evidence.map((e) => ({ logged: e.loggedAt === null ? 'unknown' : `${utcTime(e.loggedAt)} UTC`, source: t(e.source), level: t(e.level), line: t(e.text), marked_by: t(e.markedBy) })),
    action_items: f.actionItems.map(t),
    notes: { cause: notes(f.seeds.cause), lessons: notes(f.seeds.lessons), context: notes(f.seeds.context) },
    sections: {
      title: s.title,
      summary: s.summary,
      facts: s.facts,
      key_times: s.keyTimes,
      impact: s.impact,
      severity: s.severity,
      responders: s.responders,
      timeline: s.timeline,
      evidence: s.evidence,
      actions: s.actions,
      runbook: s.runbook,
      escalations: s.escalations,
      status_updates: s.statusUpdates,
      metric_breaches: s.metricBreaches,
      alerts: s.alerts,
      root_cause: s.rootCause,
      went_well: s.wentWell,
      improve: s.improve,
      action_items: s.actionItems,
    },
  };
}
