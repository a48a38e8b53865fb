// Which timeline events become Grafana annotations (`grafana.annotate` lists families), and how
// one reads there: the timeline's own one-line description, tagged `warroom`, the incident id and
// the family, at the event's real time.
import type { AnnotateKind } from '../config/integration-types.js';
import { describeEvent } from '../timeline/describe.js';
import type { TimelineEvent } from '../timeline/event.js';
import type { Annotation } from './grafana-api.js';

/** A note carrying this word is posted even when `note` is not in `annotate` ("notes marked for it"). */
export const NOTE_MARK = '#grafana';

/** The family of an event kind, or null for kinds never annotated (joins, panels, host links...). */
export function familyOf(kind: string): AnnotateKind | null {
  if (kind.startsWith('action.')) return 'action';
  if (kind === 'incident.opened' || kind === 'incident.resolved' || kind === 'incident.reopened' || kind === 'check.state') return 'state';
  if (kind === 'incident.severity') return 'severity';
  if (kind === 'incident.milestone' || kind === 'incident.acknowledged') return 'milestone';
  if (kind.startsWith('alert.')) return 'alert';
  if (kind === 'note') return 'note';
  if (kind === 'status.update') return 'status';
  if (kind === 'escalation.sent' || kind === 'escalation.failed') return 'escalation';
  if (kind === 'runbook.step') return 'runbook';
  return null;
}

/** The annotation for an event, or null when the configured families do not include it. */
export function annotationFor(event: TimelineEvent, annotate: readonly AnnotateKind[], incidentId: string): Annotation | null {
  const family = familyOf(event.kind);
  if (family === null) return null;
  const marked = family === 'note' && typeof event.data.text === 'string' && event.data.text.includes(NOTE_MARK);
  if (!annotate.includes(family) && !marked) return null;
  return {
    time: event.ts,
    tags: ['warroom', incidentId, family],
    text: `${describeEvent(event)} — ${event.operator}`,
  };
}
