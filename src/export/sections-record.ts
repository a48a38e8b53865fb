// The sections that are the record itself: the UTC timeline, actions with exit codes, runbook
// progress, pages, status updates (what was said and where it went), metric breaches, and the
// alerts that fired with the silences the incident created.
import { basename } from 'node:path';
import { actorText } from '../timeline/actor.js';
import { describeEvent } from '../timeline/describe.js';
import type { TimelineEvent } from '../timeline/event.js';
import type { IncidentSilence } from '../alerts/types.js';
import type { IncidentFacts } from './facts.js';
import { table } from './markdown-escape.js';
import { formatRunTime } from '../time/duration-text.js';
import { duration, str, utcTime, when, type Cell } from './render-kit.js';

/** Every event as a row: time, who (warroom for what the console saw), what. */
export function timelineSection(f: IncidentFacts, cell: Cell): string | null {
  if (f.events.length === 0) return null;
  return table(
    ['Time (UTC)', 'Who', 'Event'],
    f.events.map((e) => [cell(utcTime(e.ts)), cell(actorText(e)), cell(describeEvent(e) + (e.backfilled ? ' (backfilled)' : ''))]),
  );
}

/** Actions run from warroom with exit codes and durations. */
export function actionsSection(f: IncidentFacts, cell: Cell): string | null {
  const rows = f.events.filter((e) => e.kind === 'action.finished');
  if (rows.length === 0) return null;
  return table(
    ['Time (UTC)', 'Who', 'Service', 'Action', 'Target', 'Command', 'Result', 'Duration'],
    rows.map((e) => {
      const d = e.data;
      const result = d.dryRun === true ? 'dry run' : typeof d.exitCode === 'number' ? `exit ${d.exitCode}` : `failed: ${str(d.error, 'no exit code')}`;
      const took = typeof d.durationMs === 'number' ? formatRunTime(d.durationMs) : '—';
      return [utcTime(e.ts), e.operator, str(d.service), str(d.action), str(d.target, 'local'), str(d.command), result, took].map(cell);
    }),
  );
}

/** The latest status of each runbook step (done, then undone, reads as open). */
export function runbookSection(f: IncidentFacts, cell: Cell): string | null {
  const steps = new Map<string, TimelineEvent>();
  for (const e of f.events) {
    if (e.kind !== 'runbook.step') continue;
    steps.set(`${str(e.data.runbook)}\u0000${str(e.data.section)}\u0000${str(e.data.text)}`, e);
  }
  if (steps.size === 0) return null;
  return table(
    ['Time (UTC)', 'Who', 'Runbook', 'Section', 'Step', 'Status'],
    [...steps.values()].map((e) => {
      const status = e.data.status === 'undone' ? 'open' : str(e.data.status, '?');
      const reason = typeof e.data.reason === 'string' ? ` (${e.data.reason})` : '';
      // The file's name, not where it sat on the machine that ran the console.
      return [utcTime(e.ts), e.operator, basename(str(e.data.runbook)), str(e.data.section), str(e.data.text), status + reason].map(cell);
    }),
  );
}

/** Whether an escalation event is about paging someone (older events have no purpose). */
function isPaging(e: TimelineEvent): boolean {
  // A claim only decides which console pages; the page itself is the sent event after it.
  if (e.kind === 'escalation.claimed') return false;
  return e.kind === 'escalation.prompted' || e.data.purpose === undefined || e.data.purpose === 'page' || e.data.purpose === 'resolve';
}

/** Pages, escalations that fell due, and PagerDuty resolutions; status updates have their own section. */
export function escalationsSection(f: IncidentFacts, cell: Cell): string | null {
  const rows = f.events.filter((e) => e.kind.startsWith('escalation.') && isPaging(e));
  if (rows.length === 0) return null;
  return table(
    ['Time (UTC)', 'Who', 'Contact', 'Channel', 'Attempt', 'Result'],
    rows.map((e) => {
      const dry = e.data.dryRun === true;
      const what = e.data.purpose === 'resolve' ? 'alert resolved' : 'paged';
      const result =
        e.kind === 'escalation.prompted' ? 'due (prompted)' : e.kind === 'escalation.failed' ? `failed: ${str(e.data.error, '?')}` : dry ? `dry run: not ${what}` : what;
      return [utcTime(e.ts), actorText(e), str(e.data.contact), str(e.data.channel), dry ? '—' : str(e.data.attempt, '—'), result].map(cell);
    }),
  );
}

/** Status updates: what was said, and which channels it reached (or that it was a dry run). */
export function statusUpdatesSection(f: IncidentFacts, cell: Cell): string | null {
  if (f.statusUpdates.length === 0) return null;
  return table(
    ['Time (UTC)', 'Who', 'Phase', 'Delivered to', 'Update'],
    f.statusUpdates.map((u) => {
      const where = u.dryRun
        ? 'dry run: not sent'
        : [u.delivered.join(', ') || (u.failed.length > 0 ? '' : 'recorded only (no channel)'), u.failed.length > 0 ? `failed: ${u.failed.join(', ')}` : ''].filter(Boolean).join('; ');
      return [utcTime(u.at), u.by, u.phase, where, u.text].map(cell);
    }),
  );
}

/** Panels past a threshold: from entering warn or crit to back to ok, with the peak. */
export function breachesSection(f: IncidentFacts, cell: Cell): string | null {
  if (f.metricBreaches.length === 0) return null;
  return table(
    ['Panel', 'Worst level', 'From (UTC)', 'To (UTC)', 'Duration', 'Peak'],
    f.metricBreaches.map((b) =>
      [b.panel, b.level, utcTime(b.from), b.to === null ? 'ongoing' : utcTime(b.to), duration(b.durationMs), b.peak === null ? '—' : (b.peakDisplay ?? String(b.peak))].map(cell),
    ),
  );
}

/** What became of a silence: expired (when), kept or still active (until when), or never sent. */
function silenceOutcome(s: IncidentSilence): string {
  switch (s.state) {
    case 'expired':
      return `expired ${when(s.endsAt, '?')}`;
    case 'kept':
      return `kept after the resolution (lapses ${when(s.endsAt, '?')})`;
    case 'dry-run':
      return 'dry run: not sent';
    default:
      return `active until ${when(s.endsAt, '?')}`;
  }
}

/** The alerts that fired (when, for how long) and the silences the incident created; null when neither. */
export function alertsSection(f: IncidentFacts, cell: Cell): string | null {
  if (f.alerts.length === 0 && f.silences.length === 0) return null;
  const parts: string[] = [];
  if (f.alerts.length === 0) parts.push('No alert fired.');
  else {
    parts.push('Alerts that fired:');
    parts.push(
      table(
        ['Fired (UTC)', 'Alert', 'Severity', 'Labels', 'Resolved (UTC)', 'Firing for'],
        f.alerts.map((a) => [utcTime(a.firedAt), a.alert, a.severity ?? '—', a.labels || '—', a.resolvedAt === null ? 'still firing' : utcTime(a.resolvedAt), duration(a.durationMs)].map(cell)),
      ),
    );
  }
  if (f.silences.length === 0) parts.push('No silence was created.');
  else {
    parts.push('Silences the incident created:');
    parts.push(
      table(
        ['Created (UTC)', 'Matchers', 'Created by', 'For alert', 'Outcome'],
        f.silences.map((s) => [utcTime(s.startsAt), s.matchers, s.createdBy, s.alert ?? '—', silenceOutcome(s)].map(cell)),
      ),
    );
  }
  return parts.join('\n\n');
}
