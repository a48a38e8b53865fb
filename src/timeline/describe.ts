// One line of plain text per event, shared by the timeline pane and the export, so the screen
// and the post-mortem say the same thing. Unknown kinds (newer versions) are shown raw.
import { formatDuration, formatRunTime } from '../time/duration-text.js';
import { SCHEMA_VERSION, type TimelineEvent } from './event.js';
import { ROLE_TITLES, type RoleName } from './roles.js';

/** A short symbol per kind family for the pane (colour-blind safe: shape, not colour). */
export function kindIcon(kind: string): string {
  const family = kind.split('.')[0];
  const icons: Record<string, string> = {
    incident: '◆',
    check: '●',
    metric: '≈',
    log: '≡',
    action: '▶',
    runbook: '☑',
    escalation: '☎',
    status: '✉',
    note: '✎',
    operator: '☺',
    host: '⇄',
    alert: '▲',
    grafana: '⌁',
  };
  return icons[family ?? ''] ?? '?';
}

function str(value: unknown, fallback = '?'): string {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return fallback;
}

function target(data: Record<string, unknown>): string {
  return typeof data.target === 'string' && data.target !== '' ? ` on ${data.target}` : '';
}

function exit(data: Record<string, unknown>): string {
  if (data.dryRun === true) return 'dry run';
  if (typeof data.exitCode === 'number') return `exit ${data.exitCode}`;
  return typeof data.error === 'string' ? `failed: ${data.error}` : 'no exit code';
}

/** Whether an escalation event is a page (older events have no `purpose`) rather than a status update or resolve. */
function isPage(data: Record<string, unknown>): boolean {
  return data.purpose === undefined || data.purpose === 'page';
}

function message(data: Record<string, unknown>): string {
  return data.purpose === 'status-update' ? 'status update' : str(data.purpose);
}

type Describer = (d: Record<string, unknown>, event: TimelineEvent) => string;

/** `ana took incident commander`, `ana handed scribe to bo`, `ana released comms`. */
function roleChange(d: Record<string, unknown>, event: TimelineEvent): string {
  const role = ROLE_TITLES[str(d.role) as RoleName] ?? str(d.role);
  const to = typeof d.to === 'string' && d.to !== '' ? d.to : null;
  const from = typeof d.from === 'string' && d.from !== '' ? d.from : null;
  if (to === null) return `${from ?? event.operator} is no longer ${role}`;
  if (to === event.operator) return `${to} took ${role}${from !== null ? ` from ${from}` : ''}`;
  return `${role}: ${from ?? 'nobody'} → ${to} (handed over by ${event.operator})`;
}

const DESCRIBERS: Record<string, Describer> = {
  'incident.opened': (d) => `Incident opened: ${str(d.title)} (${str(d.severity)})`,
  'incident.severity': (d) => `Severity ${str(d.from)} → ${str(d.to)}${typeof d.reason === 'string' && d.reason !== '' ? `: ${d.reason}` : ''}`,
  'incident.severity-suggested': (d) => `Suggest severity ${str(d.to)} (now ${str(d.from)}): ${str(d.reason, '')}`,
  'incident.milestone': (d) =>
    `Milestone ${str(d.name)} set to ${typeof d.at === 'number' ? new Date(d.at).toISOString().replace('T', ' ').slice(0, 19) + ' UTC' : '?'}${typeof d.text === 'string' && d.text !== '' ? `: ${d.text}` : ''}`,
  'incident.acknowledged': (d) => `Incident acknowledged${typeof d.text === 'string' && d.text !== '' ? `: ${d.text}` : ''}`,
  'incident.role': (d, e) => roleChange(d, e),
  'incident.resolved': (d) => `Incident resolved${typeof d.text === 'string' ? `: ${d.text}` : ''}`,
  'incident.reopened': (d) => `Incident reopened${typeof d.text === 'string' ? `: ${d.text}` : ''}`,
  'check.state': (d) =>
    `${str(d.service)} ${str(d.check, '')}: ${str(d.from)} → ${str(d.to)}${typeof d.reason === 'string' ? ` (${d.reason})` : ''}`,
  'metric.threshold': (d) => `${str(d.panel)}: ${str(d.from)} → ${str(d.to)} at ${str(d.display, str(d.value))}`,
  'metric.panel-added': (d) =>
    `Metrics panel added: "${str(d.panel)}" (${str(d.query)})${typeof d.runbook === 'string' ? ` from runbook step "${str(d.step, '')}"` : ''}`,
  // perMinute is what the watcher records; rate/count are older spellings.
  'log.error-rate': (d) =>
    `${str(d.source)}: ${str(d.perMinute ?? d.rate ?? d.count)} errors/min${typeof d.threshold === 'number' ? ` (note at ${d.threshold}/min)` : ''}${typeof d.text === 'string' ? ` (${d.text})` : ''}`,
  'log.evidence': (d) => `Evidence from ${str(d.source)}: ${str(d.line ?? d.text, '')}`,
  'action.started': (d) => `${str(d.action)} ${str(d.service)}${target(d)} started: ${str(d.command, '')}`,
  'action.finished': (d) =>
    `${str(d.action)} ${str(d.service)}${target(d)}: ${exit(d)}` +
    (typeof d.durationMs === 'number' ? ` in ${formatRunTime(d.durationMs)}` : ''),
  'runbook.step': (d) =>
    `Runbook ${str(d.section, '')}: ${str(d.status)} "${str(d.text, '')}"${typeof d.reason === 'string' ? ` (${d.reason})` : ''}`,
  'escalation.sent': (d) =>
    d.dryRun === true
      ? `Dry run: ${isPage(d) ? 'would page' : `would send ${message(d)} to`} ${str(d.contact)} via ${str(d.channel)} (nothing sent)`
      : `${isPage(d) ? 'Paged' : `Sent ${message(d)} to`} ${str(d.contact)} via ${str(d.channel)}${typeof d.attempt === 'number' && d.attempt > 1 ? ` (attempt ${d.attempt})` : ''}`,
  'escalation.failed': (d) => `${isPage(d) ? 'Paging' : `Sending ${message(d)} to`} ${str(d.contact)} via ${str(d.channel)} failed: ${str(d.error)}`,
  'escalation.prompted': (d) => `Escalation due: ${str(d.contact)}`,
  'escalation.claimed': (d) => `Automatic page of ${str(d.contact)} claimed (one console pages)`,
  'status.update': (d) => `Status update (${str(d.phase)}${d.dryRun === true ? ', dry run: not sent' : ''}): ${str(d.text, '')}`,
  note: (d) => str(d.text, ''),
  'operator.joined': (d, e) => `${e.operator} joined${typeof d.mode === 'string' ? ` (${d.mode})` : ''}`,
  'operator.left': (_d, e) => `${e.operator} left`,
  'host.connection': (d) => (typeof d.text === 'string' ? d.text : `${str(d.host)}: ${str(d.state)}`),
  'alert.firing': (d) => `Alert firing: ${str(d.alert)}${alertWhere(d)}${typeof d.summary === 'string' ? ` — ${d.summary}` : ''}`,
  'alert.resolved': (d) =>
    `Alert resolved: ${str(d.alert)}${alertWhere(d)}${typeof d.firedForMs === 'number' ? ` after ${formatDuration(d.firedForMs)}` : ''}`,
  'alert.silenced': (d) =>
    `${d.dryRun === true ? 'Dry run: would silence' : 'Silenced'} ${str(d.matchers)}${typeof d.endsAt === 'number' ? ` until ${clock(d.endsAt)}` : ''}${typeof d.silenceId === 'string' ? ` (silence ${d.silenceId})` : ''}${typeof d.reason === 'string' ? ` — ${d.reason}` : ''}`,
  'alert.silence-failed': (d) => `Silence ${str(d.matchers)} not created: ${str(d.error)}`,
  'alert.silence-extended': (d) => `Silence ${str(d.silenceId)} extended until ${typeof d.endsAt === 'number' ? clock(d.endsAt) : '?'}`,
  'alert.silence-expired': (d) => `Silence ${str(d.silenceId)} expired${typeof d.reason === 'string' ? ` (${d.reason})` : ''}`,
  'alert.silence-kept': (d) => `Silence ${str(d.silenceId)} kept after the resolution${typeof d.endsAt === 'number' ? ` (lapses ${clock(d.endsAt)})` : ''}`,
  'grafana.region': (d) => `Grafana: the incident is annotation ${str(d.annotationId)}`,
};

/** `service/instance` of an alert event, when it has them. */
function alertWhere(data: Record<string, unknown>): string {
  const parts = [data.service, data.instance].filter((part): part is string => typeof part === 'string' && part !== '');
  return parts.length > 0 ? ` (${parts.join(' ')})` : '';
}

/** A time of day in UTC (`14:05Z`): timeline lines are read beside UTC tables. */
function clock(ms: number): string {
  return `${new Date(ms).toISOString().slice(11, 16)}Z`;
}

/** The event as one line of text (no newlines), raw JSON for kinds this version does not know. */
export function describeEvent(event: TimelineEvent): string {
  const describer = event.v <= SCHEMA_VERSION ? DESCRIBERS[event.kind] : undefined;
  const text = describer ? describer(event.data, event) : `[${event.kind}${event.v > 1 ? ` v${event.v}` : ''}] ${JSON.stringify(event.data)}`;
  return /[\r\n]/.test(text) ? text.replace(/\s*[\r\n]+\s*/g, ' ').trim() : text.trim();
}
