// The post-mortem draft in Markdown: facts up front, then the full UTC timeline and the tables
// a post-mortem author otherwise rebuilds from chat scrollback, then the sections to write.
import { basename } from 'node:path';
import { formatDuration, formatRunTime } from '../time/duration-text.js';
import { describeEvent } from '../timeline/describe.js';
import type { IncidentFacts } from './facts.js';
import { cell as escapeCell, inlineText, table, wrap } from './markdown-text.js';
import type { Redactor } from '../text/redact.js';

const DAY_MS = 86_400_000;
let cachedDay = Number.NaN;
let cachedDate = '';
const two = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** `2026-11-22 14:02:33` in UTC (hand-formatted: 100,000 rows make toISOString show up). */
export function utcTime(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  if (day !== cachedDay) {
    cachedDay = day;
    cachedDate = new Date(day * DAY_MS).toISOString().slice(0, 10);
  }
  const seconds = Math.floor((ms - day * DAY_MS) / 1000);
  return `${cachedDate} ${two(Math.floor(seconds / 3600))}:${two(Math.floor(seconds / 60) % 60)}:${two(seconds % 60)}`;
}

const TIMESTAMP = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/;

/** Turns raw text into a safe table cell: redacted first, then escaped. */
type Cell = (text: string) => string;

function when(ms: number | null, fallback: string): string {
  return ms === null ? fallback : `${utcTime(ms)} UTC`;
}

function str(value: unknown, fallback = ''): string {
  return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : fallback;
}

function heading(facts: IncidentFacts, redactor: Redactor): string {
  let title = inlineText(redactor(facts.title)).replace(/[.,;:!。，；：！\\]+$/, '');
  if (title.length > 60) title = `${title.slice(0, 59).replace(/\\$/, '')}…`;
  return `# Post-mortem: ${title || facts.id}`;
}

function summary(f: IncidentFacts, cell: Cell): string {
  const changes = f.severityChanges.map((c) => `${c.from} → ${c.to} at ${utcTime(c.at)} UTC by ${c.operator}`);
  const rows: [string, string][] = [
    ['Incident', f.id],
    ['Title', f.title],
    ['Severity', changes.length > 0 ? `${f.severity} (${changes.join('; ')})` : f.severity],
    ['Start', when(f.startedAt, '—')],
    ['First detection', when(f.detectedAt, 'not recorded')],
    ['First action', when(f.firstActionAt, 'none recorded')],
    ['Mitigation', when(f.mitigatedAt, 'not recorded')],
    ['Resolution', when(f.resolvedAt, 'still open')],
    ['Total duration', `${formatDuration(f.durationMs)}${f.open ? ' (still open)' : ''}`],
    ['Time to first action', f.timeToFirstActionMs === null ? '—' : formatDuration(f.timeToFirstActionMs)],
    ['Operators', f.operators.join(', ')],
  ];
  return table(['Field', 'Value'], rows.map(([k, v]) => [k, cell(v)]));
}

function section(title: string, body: string | null, empty: string): string {
  return `## ${title}\n\n${body ?? empty}`;
}

function impact(f: IncidentFacts, cell: Cell): string | null {
  if (f.impact.length === 0) return null;
  return table(
    ['Service', 'Check', 'State', 'From (UTC)', 'To (UTC)', 'Duration'],
    f.impact.map((w) => [w.service, w.check, w.state, utcTime(w.from), w.to === null ? 'ongoing' : utcTime(w.to), formatDuration(w.durationMs)].map(cell)),
  );
}

function timeline(f: IncidentFacts, cell: Cell): string | null {
  if (f.events.length === 0) return null;
  return table(
    ['Time (UTC)', 'Who', 'Event'],
    f.events.map((e) => [
      cell(utcTime(e.ts)),
      cell(e.operator),
      cell(describeEvent(e) + (e.backfilled ? ' (backfilled)' : '')),
    ]),
  );
}

function actions(f: IncidentFacts, cell: Cell): string | null {
  const rows = f.events.filter((e) => e.kind === 'action.finished');
  if (rows.length === 0) return null;
  return table(
    ['Time (UTC)', 'Who', 'Service', 'Action', 'Target', 'Command', 'Result', 'Duration'],
    rows.map((e) => {
      const d = e.data;
      const result = d.dryRun === true ? 'dry run' : typeof d.exitCode === 'number' ? `exit ${d.exitCode}` : `failed: ${str(d.error, 'no exit code')}`;
      const duration = typeof d.durationMs === 'number' ? formatRunTime(d.durationMs) : '—';
      return [utcTime(e.ts), e.operator, str(d.service), str(d.action), str(d.target, 'local'), str(d.command), result, duration].map(cell);
    }),
  );
}

function runbook(f: IncidentFacts, cell: Cell): string | null {
  // The latest status of each step wins (done, then undone, reads as open).
  const steps = new Map<string, { e: (typeof f.events)[number] }>();
  for (const e of f.events) {
    if (e.kind !== 'runbook.step') continue;
    steps.set(`${str(e.data.runbook)}\u0000${str(e.data.section)}\u0000${str(e.data.text)}`, { e });
  }
  if (steps.size === 0) return null;
  return table(
    ['Time (UTC)', 'Who', 'Runbook', 'Section', 'Step', 'Status'],
    [...steps.values()].map(({ e }) => {
      const status = e.data.status === 'undone' ? 'open' : str(e.data.status, '?');
      const reason = typeof e.data.reason === 'string' ? ` (${e.data.reason})` : '';
      // The file's name, not where it sat on the machine that ran the console.
      return [utcTime(e.ts), e.operator, basename(str(e.data.runbook)), str(e.data.section), str(e.data.text), status + reason].map(cell);
    }),
  );
}

function escalations(f: IncidentFacts, cell: Cell): string | null {
  const rows = f.events.filter((e) => e.kind.startsWith('escalation.'));
  if (rows.length === 0) return null;
  return table(
    ['Time (UTC)', 'Who', 'Contact', 'Channel', 'Attempt', 'Result'],
    rows.map((e) => {
      const result = e.kind === 'escalation.sent' ? 'sent' : e.kind === 'escalation.failed' ? `failed: ${str(e.data.error, '?')}` : 'due (prompted)';
      return [utcTime(e.ts), e.operator, str(e.data.contact), str(e.data.channel), str(e.data.attempt, '—'), result].map(cell);
    }),
  );
}

function statusUpdates(f: IncidentFacts, cell: Cell): string | null {
  const rows = f.events.filter((e) => e.kind === 'status.update');
  if (rows.length === 0) return null;
  return table(['Time (UTC)', 'Who', 'Phase', 'Update'], rows.map((e) => [utcTime(e.ts), e.operator, str(e.data.phase), str(e.data.text)].map(cell)));
}

function breaches(f: IncidentFacts, cell: Cell): string | null {
  if (f.metricBreaches.length === 0) return null;
  return table(
    ['Panel', 'Level', 'From (UTC)', 'To (UTC)', 'Duration', 'Peak'],
    f.metricBreaches.map((b) =>
      [b.panel, b.level, utcTime(b.from), b.to === null ? 'ongoing' : utcTime(b.to), formatDuration(b.durationMs), b.peak === null ? '—' : (b.peakDisplay ?? String(b.peak))].map(cell),
    ),
  );
}

function actionItems(f: IncidentFacts, redactor: Redactor): string {
  if (f.actionItems.length === 0) return '- [ ] Add the follow-up actions here';
  return f.actionItems.map((item) => `- [ ] ${wrap(inlineText(redactor(item)) || 'todo', 74, '  ')}`).join('\n');
}

/** Renders the post-mortem draft from the incident's facts; every text passes `redactor`. */
export function renderMarkdown(f: IncidentFacts, redactor: Redactor): string {
  // Names, services and states repeat on every row: escape each distinct short text once.
  // Our own timestamps need neither redaction nor escaping, and would only bloat the cache.
  const seen = new Map<string, string>();
  const cell: Cell = (text) => {
    if (TIMESTAMP.test(text)) return text;
    if (text.length > 32) return escapeCell(redactor(text));
    let out = seen.get(text);
    if (out === undefined) {
      out = escapeCell(redactor(text));
      seen.set(text, out);
    }
    return out;
  };
  const parts = [
    heading(f, redactor),
    section('Summary', summary(f, cell), ''),
    section('Impact', impact(f, cell), 'No check was recorded DOWN or DEGRADED.'),
    section('Timeline', timeline(f, cell), 'No events were recorded.'),
    section('Actions', actions(f, cell), 'No actions were run from warroom.'),
    section('Runbook progress', runbook(f, cell), 'No runbook steps were recorded.'),
    section('Escalations', escalations(f, cell), 'Nobody was paged from warroom.'),
    section('Status updates', statusUpdates(f, cell), 'No status updates were sent.'),
    section('Metric breaches', breaches(f, cell), 'No metric crossed a threshold.'),
    section('Root cause', null, 'To be written.'),
    section('What went well', null, 'To be written.'),
    section('What could be improved', null, 'To be written.'),
    section('Action items', actionItems(f, redactor), ''),
  ];
  return parts.join('\n\n') + '\n';
}
