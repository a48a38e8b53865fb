// Exporting an incident: the post-mortem Markdown draft and the full JSON record, from an
// incident folder (read only) or from events already in memory.
import { basename, join } from 'node:path';
import { isBookkeeping, type TimelineEvent } from '../timeline/event.js';
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
  // Sync bookkeeping lines (share.*) are the journal's, not the incident's.
  if (typeof source !== 'string') return { id: options.id ?? 'incident', events: source.filter((e) => !isBookkeeping(e)) };
  return { id: options.id ?? basename(source), events: readJournal(join(source, JOURNAL_FILE), false).events.filter((e) => !isBookkeeping(e)) };
}

/**
 * The post-mortem in a template's shape (`default`, `google-sre`, `pagerduty`, `atlassian`, or
 * a team's template file), as Markdown. Loads the template engine only for a template.
 */
export async function exportTemplate(source: string | readonly TimelineEvent[], template: string, options: ExportOptions = {}): Promise<string> {
  const { id, events } = load(source, options);
  const { renderWithTemplate, templateChoice } = await import('./templates.js');
  return renderWithTemplate(incidentFacts(id, events), options.redactor ?? redact, templateChoice(template));
}

/** The post-mortem draft of an incident folder or a list of events, as Markdown. */
export function exportMarkdown(source: string | readonly TimelineEvent[], options: ExportOptions = {}): string {
  const { id, events } = load(source, options);
  return renderMarkdown(incidentFacts(id, events), options.redactor ?? redact);
}

/** Epoch ms fields (`at`, `from`, `to`, `…At`) as ISO times; everything else as it is. */
function isoTimes(value: unknown, key = ''): unknown {
  if (typeof value === 'number') return /^(at|from|to)$|At$/.test(key) && Number.isFinite(value) ? new Date(value).toISOString() : value;
  if (Array.isArray(value)) return value.map((item) => isoTimes(item));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = isoTimes(v, k);
    return out;
  }
  return value;
}

/**
 * The full record as JSON: `{ incident: {...}, events: [...] }`. `incident` holds the same facts
 * as the Markdown (key times, severity history, responders, impact, evidence...) with times as
 * ISO strings and durations in ms; events are in time order, as recorded.
 */
export function exportJson(source: string | readonly TimelineEvent[], options: ExportOptions = {}): string {
  const { id, events } = load(source, options);
  const redactor = options.redactor ?? redact;
  const { events: sorted, ...facts } = incidentFacts(id, events);
  // Printed to a terminal by `warroom export`: the same JSON, with terminal-active characters escaped.
  return terminalSafeJson(redactData({ incident: isoTimes(facts), events: sorted }, redactor), 2) + '\n';
}
