// An alert as the pane shows it: its name, severity and identifying labels picked out of the
// label set, every outside string made safe for the terminal, and the board service it is about.
import { oneLine } from '../text/neutralise.js';
import { redact, type Redactor } from '../text/redact.js';
import type { ServiceLinker } from './alert-links.js';
import type { AlertView, IdentityLabel, SourceAlert } from './types.js';

/** Longest label value shown on one line. */
const MAX_SHOWN = 300;
/** Labels that say which thing fires, in the order they are shown. */
const IDENTITY = ['service', 'instance'];

/** Builds the view of one alert; the summary and runbook link are shown as they are, so they pass the console's redactor (a token in a wiki URL). */
export function alertView(alert: SourceAlert, linker: ServiceLinker, redactor: Redactor = redact): AlertView {
  const labels = safeMap(alert.labels);
  const annotations = safeMap(alert.annotations);
  const identity: IdentityLabel[] = IDENTITY.filter((name) => labels[name] !== undefined).map((name) => ({ name, value: labels[name]! }));
  if (labels.service === undefined && labels.job !== undefined) identity.unshift({ name: 'job', value: labels.job });
  return {
    id: alert.fingerprint,
    name: labels.alertname || '(unnamed)',
    severity: labels.severity ?? labels.priority ?? null,
    identity,
    labels,
    annotations,
    summary: shown(annotations.summary ?? annotations.description ?? annotations.message, redactor),
    runbookUrl: shown(annotations.runbook_url ?? annotations.runbook, redactor),
    since: alert.startsAt,
    state: alert.state,
    silencedBy: alert.silencedBy.map((id) => oneLine(id, 64)),
    service: linker.serviceFor(alert.labels),
  };
}

function shown(text: string | undefined, redactor: Redactor): string | null {
  return text === undefined ? null : redactor(text);
}

/** Labels or annotations with every name and value on one safe line. */
function safeMap(map: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(map)) out[oneLine(name, 100)] = oneLine(value, MAX_SHOWN);
  return out;
}

/** Orders alerts for the pane: firing before muted before pending, worst severity first, then oldest. */
export function compareAlerts(a: AlertView, b: AlertView): number {
  return stateRank(a) - stateRank(b) || severityRank(a.severity) - severityRank(b.severity) || a.since - b.since || a.name.localeCompare(b.name);
}

function stateRank(alert: AlertView): number {
  return alert.state === 'firing' ? 0 : alert.state === 'pending' ? 2 : 1;
}

const SEVERITY_ORDER = ['critical', 'page', 'error', 'high', 'warning', 'warn', 'medium', 'info', 'low', 'none'];

function severityRank(severity: string | null): number {
  if (severity === null) return SEVERITY_ORDER.length;
  const p = /^p(\d)$/i.exec(severity);
  if (p) return Number(p[1]) * 2;
  const index = SEVERITY_ORDER.indexOf(severity.toLowerCase());
  return index < 0 ? SEVERITY_ORDER.length : index;
}
