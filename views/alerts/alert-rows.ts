// The alerts pane's lines as plain text and a tone: a status line (where alerts come from, how
// fresh the list is, why it is stale), one row per alert, and the incident's silences. Pure, so
// the layout is tested without a terminal. Alert text arrives already neutralised (alert-view.ts).
import type { AlertView, IncidentSilence } from '../../src/alerts/types.js';
import type { AnnotationStatus } from '../../src/annotations/types.js';
import type { AlertsSlice } from '../../src/store/alerts.js';
import { formatDuration } from '../../src/time/duration-text.js';
import { fit } from '../status/status-columns.js';
import type { Tone } from '../theme/theme.js';

/** One row of the list. */
export interface AlertRow {
  id: string;
  /** `▲` firing, `◌` muted (silenced or inhibited), `…` pending: a shape, not only a colour. */
  mark: string;
  /** The row's text after the mark, fitted to the width. */
  text: string;
  tone: Tone;
}

const SEVERE = /^(critical|page|p0|p1|error|high)$/i;
const WARNING = /^(warning|warn|p2|medium)$/i;

/** How an alert reads: its severity decides the colour only while it is firing. */
export function toneOf(alert: AlertView): Tone {
  if (alert.state !== 'firing') return 'plain';
  if (alert.severity !== null && SEVERE.test(alert.severity)) return 'bad';
  if (alert.severity !== null && WARNING.test(alert.severity)) return 'warn';
  return 'info';
}

const MARKS: Record<AlertView['state'], string> = { firing: '▲', silenced: '◌', inhibited: '◌', pending: '…' };

/** One alert as a row of `width` columns (the mark and its space included). */
export function alertRow(alert: AlertView, width: number, now: number): AlertRow {
  const severity = alert.severity === null ? '' : ` ${alert.severity.toUpperCase()}`;
  const where = alert.identity.map(({ name, value }) => `${name}=${value}`).join(' ');
  const state = alert.state === 'firing' ? '' : ` [${alert.state}]`;
  const age = formatDuration(now - alert.since);
  // The age and state are read first when the row is cut: they go at the right edge.
  const right = ` ${age}${state}`;
  const left = `${alert.name}${severity}${where === '' ? '' : `  ${where}`}`;
  const room = Math.max(0, width - 2 - right.length);
  return { id: alert.id, mark: MARKS[alert.state], text: fit(left, room) + right, tone: toneOf(alert) };
}

/**
 * The line under the selected alert: the board rows it belongs to (by its labels, see
 * src/alerts/alert-links.ts) and its runbook_url, for the operator to open; null when it has
 * neither. The URL arrives neutralised and redacted (alert-view.ts).
 */
export function alertDetail(alert: AlertView, boardRows: number, width: number): string | null {
  const parts: string[] = [];
  if (alert.service !== null) parts.push(`board: ${alert.service}${boardRows > 0 ? ` (${boardRows} ${boardRows === 1 ? 'row' : 'rows'})` : ''}`);
  if (alert.runbookUrl !== null) parts.push(`runbook: ${alert.runbookUrl}`);
  if (parts.length === 0) return null;
  return fit(`  ↳ ${parts.join(' · ')}`, width);
}

/** The line above the list: source, counts, freshness, or why the list is stale. */
export function alertsStatus(alerts: AlertsSlice['alerts'], now: number): { text: string; tone: Tone } {
  const source = alerts.source === 'prometheus' ? 'Prometheus' : 'Alertmanager';
  const firing = alerts.list.filter((a) => a.state === 'firing').length;
  const muted = alerts.list.filter((a) => a.state === 'silenced' || a.state === 'inhibited').length;
  const counts = `${firing} firing${muted > 0 ? ` · ${muted} silenced` : ''}`;
  if (alerts.error !== null) {
    const since = alerts.readAt === null ? 'never read' : `list from ${formatDuration(now - alerts.readAt)} ago`;
    return { text: `✖ ${alerts.error} · ${since}`, tone: 'bad' };
  }
  if (alerts.readAt === null) return { text: `${source}: reading…`, tone: 'plain' };
  return { text: `${source} · ${counts} · read ${formatDuration(now - alerts.readAt)} ago`, tone: firing > 0 ? 'warn' : 'good' };
}

/** The incident's silences in one line (`silences: 1 active, 1 dry run`), or null when none. */
export function silencesLine(silences: readonly IncidentSilence[], now: number): string | null {
  if (silences.length === 0) return null;
  const active = silences.filter((s) => s.state === 'active');
  const others = (['dry-run', 'kept', 'expired'] as const)
    .map((state) => [state, silences.filter((s) => s.state === state).length] as const)
    .filter(([, n]) => n > 0)
    .map(([state, n]) => `${n} ${state === 'dry-run' ? 'dry run' : state}`);
  const next = active.map((s) => s.endsAt).sort((a, b) => a - b)[0];
  const lapse = next === undefined ? '' : ` (next lapses in ${formatDuration(next - now)})`;
  return `silences by this incident: ${[active.length > 0 ? `${active.length} active${lapse}` : '', ...others].filter(Boolean).join(', ')}`;
}

/** How posting to Grafana goes (`Grafana: 12 sent · 1 waiting — HTTP 503 …, retry in 8s`), or null without `grafana:`. */
export function annotationsLine(status: AnnotationStatus | null, now: number): { text: string; tone: Tone } | null {
  if (status === null) return null;
  if (status.off !== null) return { text: `Grafana annotations ${status.off}`, tone: 'plain' };
  const counts = [`${status.sent} sent`, status.pending > 0 ? `${status.pending} waiting` : '', status.dropped > 0 ? `${status.dropped} refused` : ''].filter(Boolean).join(' · ');
  if (status.error === null) return { text: `Grafana: ${counts}`, tone: status.dropped > 0 ? 'warn' : 'plain' };
  const retry = status.retryAt === null ? '' : `, retry in ${formatDuration(Math.max(0, status.retryAt - now))}`;
  return { text: `${status.error}${retry} · ${counts}`, tone: 'bad' };
}
