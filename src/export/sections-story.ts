// The sections that tell the incident to someone who was not there: a summary in sentences,
// the key times and what they were measured from, impact per service, severity over time, and
// who responded in which role.
import { ROLE_TITLES, ROLES } from '../timeline/roles.js';
import type { Redactor } from '../text/redact.js';
import type { IncidentFacts } from './facts.js';
import { inlineText, table, wrap } from './markdown-escape.js';
import { duration, utcTime, when, type Cell } from './render-kit.js';

const WIDTH = 80;

/** A paragraph of already-escaped sentences, wrapped to the line length markdownlint wants. */
function paragraph(sentences: readonly string[]): string {
  return wrap(sentences.filter(Boolean).join(' '), WIDTH, '');
}

function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** The incident in a few sentences, from the facts alone. */
export function summaryText(f: IncidentFacts, redactor: Redactor): string {
  const t = (text: string): string => inlineText(redactor(text));
  const { milestones, durations } = f.keyTimes;
  const sentences: string[] = [];
  const hit = f.serviceImpact.map(
    (s) => `${t(s.service)} (${s.downMs > 0 ? `down ${duration(s.downMs)}` : s.worst.toLowerCase()}, impact window ${duration(s.durationMs)}${s.to === null ? ', ongoing' : ''})`,
  );
  sentences.push(hit.length === 0 ? 'No check was recorded DOWN or DEGRADED.' : `Affected: ${list(hit)}.`);
  if (milestones.detected.at !== null) {
    const by = milestones.detected.source === 'hand' ? 'The first failure was noted' : 'warroom saw the first failure';
    sentences.push(`${by} at ${when(milestones.detected.at, '')}${durations.toDetect !== null ? `, ${duration(durations.toDetect)} after the start` : ''}.`);
  }
  if (milestones.acknowledged.at !== null) {
    const who = milestones.acknowledged.by === undefined ? 'It was acknowledged' : `${t(milestones.acknowledged.by)} acknowledged it`;
    sentences.push(`${who} at ${when(milestones.acknowledged.at, '')}${durations.toAcknowledge !== null ? ` (${duration(durations.toAcknowledge)} after detection)` : ''}.`);
  }
  if (milestones.mitigated.at !== null) sentences.push(`It was mitigated at ${when(milestones.mitigated.at, '')}.`);
  sentences.push(
    f.open
      ? `It was still open at the end of the record, ${duration(f.durationMs)} after it started.`
      : `It was resolved at ${when(f.resolvedAt, '')}, ${duration(f.durationMs)} after it started.`,
  );
  const sev = f.severityHistory;
  sentences.push(sev.changes.length === 0 ? `Severity stayed ${t(sev.initial)}.` : `Severity went ${[sev.initial, ...sev.changes.map((c) => c.to)].map(t).join(' → ')}.`);
  const commanders = [...new Set(f.responders.flatMap((r) => r.roles).filter((span) => span.role === 'ic').sort((a, b) => a.from - b.from).map((span) => span.who))];
  sentences.push(commanders.length === 0 ? 'Nobody was named incident commander.' : `Incident commander: ${commanders.map(t).join(', then ')}.`);
  return paragraph(sentences);
}

/** The facts table that opens the default draft. */
export function summaryTable(f: IncidentFacts, cell: Cell): string {
  const rows: [string, string][] = [
    ['Incident', f.id],
    ['Title', f.title],
    ['Status', f.open ? 'open' : 'resolved'],
    ['Severity', f.severity],
    ['Incident commander', f.roles.ic ?? 'not named'],
    ['Duration', `${duration(f.durationMs)}${f.open ? ' (still open)' : ''}`],
    ['Responders', f.responders.map((r) => r.name).join(', ') || 'none recorded'],
  ];
  return table(['Field', 'Value'], rows.map(([k, v]) => [k, cell(v)]));
}

const MEASURES = [
  ['Time to detect', 'started → detected', 'toDetect'],
  ['Time to acknowledge', 'detected → acknowledged', 'toAcknowledge'],
  ['Time to mitigate', 'started → mitigated', 'toMitigate'],
  ['Time to resolve', 'started → resolved', 'toResolve'],
] as const;

/** Milestones with how each is known, then the durations with what they are measured between. */
export function keyTimesSection(f: IncidentFacts, cell: Cell): string {
  const { milestones, durations } = f.keyTimes;
  const rows = Object.values(milestones).map((m) => [
    m.name,
    m.at === null ? 'not recorded' : utcTime(m.at),
    m.at === null ? '—' : duration(Math.max(0, m.at - f.startedAt)),
    m.source === 'hand' ? `by hand: ${m.how}` : m.how,
  ].map(cell));
  const measures = MEASURES.map(([name, span, key]) => [name, span, duration(durations[key])].map(cell));
  return [
    table(['Milestone', 'Time (UTC)', 'After start', 'How it is known'], rows),
    table(['Measure', 'From → to', 'Duration'], measures),
  ].join('\n\n');
}

/** Impact per service (first not UP to last back UP), then each check's windows. */
export function impactSection(f: IncidentFacts, cell: Cell): string | null {
  if (f.serviceImpact.length === 0) return null;
  const byService = table(
    ['Service', 'Worst', 'First not UP (UTC)', 'Back UP (UTC)', 'Impact window', 'Time DOWN'],
    f.serviceImpact.map((s) => [s.service, s.worst, utcTime(s.from), s.to === null ? 'ongoing' : utcTime(s.to), duration(s.durationMs), duration(s.downMs)].map(cell)),
  );
  const byCheck = table(
    ['Service', 'Check', 'State', 'From (UTC)', 'To (UTC)', 'Duration'],
    f.impact.map((w) => [w.service, w.check, w.state, utcTime(w.from), w.to === null ? 'ongoing' : utcTime(w.to), duration(w.durationMs)].map(cell)),
  );
  return f.impact.length === 0 ? byService : `${byService}\n\nEach check's windows:\n\n${byCheck}`;
}

/** Every severity change with who and why, the time at each level, and warroom's suggestions. */
export function severitySection(f: IncidentFacts, cell: Cell): string {
  const h = f.severityHistory;
  const parts: string[] = [];
  parts.push(
    h.changes.length === 0
      ? `The incident stayed ${inlineText(h.initial)} from start to end.`
      : table(['Time (UTC)', 'From', 'To', 'Who', 'Why'], h.changes.map((c) => [utcTime(c.at), c.from, c.to, c.by, c.reason || 'not given'].map(cell))),
  );
  parts.push('Time at each level:');
  parts.push(table(['Severity', 'Time'], h.timeAt.map((t) => [t.severity, duration(t.durationMs)].map(cell))));
  if (h.suggestions.length > 0) {
    parts.push('Raises warroom suggested from the status board:');
    parts.push(
      table(
        ['Time (UTC)', 'Suggested', 'Why', 'Followed'],
        h.suggestions.map((s) => [utcTime(s.at), `${s.from} → ${s.to}`, s.reason, s.followedAt === null ? 'no' : `at ${utcTime(s.followedAt)}`].map(cell)),
      ),
    );
  }
  return parts.join('\n\n');
}

/** Who responded, in which roles, and when they joined and left. */
export function respondersSection(f: IncidentFacts, cell: Cell): string | null {
  if (f.responders.length === 0) return null;
  const rolesOf = (r: (typeof f.responders)[number]): string =>
    r.roles.map((span) => `${ROLE_TITLES[span.role]} ${utcTime(span.from).slice(11)}–${span.to === null ? 'end' : utcTime(span.to).slice(11)}`).join('; ') || '—';
  const rows = f.responders.map((r) => [r.name, rolesOf(r), utcTime(r.joinedAt), r.leftAt === null ? (f.open ? 'still on' : '—') : utcTime(r.leftAt)].map(cell));
  const holders = ROLES.map((role) => `${ROLE_TITLES[role]}: ${f.roles[role] ?? 'nobody'}`).join(', ');
  return `${table(['Responder', 'Roles (UTC)', 'Joined (UTC)', 'Left (UTC)'], rows)}\n\n${wrap(`At the end: ${inlineText(holders)}.`, WIDTH, '')}`;
}

/** Log lines marked as evidence, with their source and the time they were logged. */
export function evidenceSection(f: IncidentFacts, cell: Cell): string | null {
  if (f.evidence.length === 0) return null;
  return table(
    ['Logged (UTC)', 'Source', 'Level', 'Line', 'Marked by', 'Marked (UTC)'],
    f.evidence.map((e) => [e.loggedAt === null ? 'unknown' : utcTime(e.loggedAt), e.source, e.level, e.text, e.markedBy, utcTime(e.at)].map(cell)),
  );
}
