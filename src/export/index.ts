// Exporting an incident: the post-mortem Markdown draft and the full JSON record, from an
// incident folder (read only) or from events already in memory.
import { basename, join } from 'node:path';
import type { TimelineEvent } from '../timeline/event.js';
import { readJournal } from '../timeline/journal-file.js';
import { terminalSafeJson } from '../text/json.js';
import { redact, redactData, type Redactor } from '../text/redact.js';
import { JOURNAL_FILE } from '../timeline/incidents.js';
import { incidentFacts } from './facts.js';
import { renderMarkdown } from './markdown.js';

/** How to export. */
export interface ExportOptions {
  /** Incident id when exporting events from memory; the folder name otherwise. */
  id?: string;
  /** Applied again on export, for journals written before a pattern was configured. @default built-ins */
  redactor?: Redactor;
}

function load(source: string | readonly TimelineEvent[], options: ExportOptions): { id: string; events: readonly TimelineEvent[] } {
  if (typeof source !== 'string') return { id: options.id ?? 'incident', events: source };
  return { id: options.id ?? basename(source), events: readJournal(join(source, JOURNAL_FILE), false).events };
}

/** The post-mortem draft of an incident folder or a list of events, as Markdown. */
export function exportMarkdown(source: string | readonly TimelineEvent[], options: ExportOptions = {}): string {
  const { id, events } = load(source, options);
  return renderMarkdown(incidentFacts(id, events), options.redactor ?? redact);
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/** The full record as JSON: `{ incident: {...}, events: [...] }`, events in time order. */
export function exportJson(source: string | readonly TimelineEvent[], options: ExportOptions = {}): string {
  const { id, events } = load(source, options);
  const redactor = options.redactor ?? redact;
  const { events: sorted, ...f } = incidentFacts(id, events);
  const incident = {
    ...f,
    severityChanges: f.severityChanges.map((c) => ({ ...c, at: iso(c.at) })),
    startedAt: iso(f.startedAt),
    detectedAt: iso(f.detectedAt),
    firstActionAt: iso(f.firstActionAt),
    mitigatedAt: iso(f.mitigatedAt),
    resolvedAt: iso(f.resolvedAt),
    endAt: iso(f.endAt),
    impact: f.impact.map((w) => ({ ...w, from: iso(w.from), to: iso(w.to) })),
    metricBreaches: f.metricBreaches.map((b) => ({ ...b, from: iso(b.from), to: iso(b.to) })),
  };
  // Printed to a terminal by `warroom export`: the same JSON, with terminal-active characters escaped.
  return terminalSafeJson(redactData({ incident, events: sorted }, redactor), 2) + '\n';
}
