// Recognises severity tables and escalation matrices by their header words, whatever else the
// team put in them; any other table is kept and shown as it is.
import type { EscalationRow, SeverityLevel, Table } from './model.js';

const LEVEL = /^(level|severity|sev|priority|prio)\b/i;
const RESPONSE = /response|respond|ack|sla|target/i;
const TIME = /^(time|after|when|elapsed|minutes?|duration|delay|tier|level)\b/i;
const CONTACT = /contact|who|notify|page|owner|person|team|escalat/i;
const ACTION = /action|what|step|do\b/i;

/** Works out what kind of table a header row describes. */
export function classifyTable(headers: string[]): Table['kind'] {
  const has = (re: RegExp) => headers.some((h) => re.test(h.trim()));
  if (has(LEVEL) && has(RESPONSE)) return 'severity';
  if (has(TIME) && (has(CONTACT) || has(ACTION))) return 'escalation';
  return 'other';
}

/** The severity levels in a severity table. */
export function severityRows(table: Table, rowLines: number[]): SeverityLevel[] {
  const level = table.headers.findIndex((h) => LEVEL.test(h.trim()));
  const response = table.headers.findIndex((h) => RESPONSE.test(h));
  return table.rows.map((row, r) => {
    const rest = row.filter((cell, c) => c !== level && c !== response && cell.trim() !== '');
    const entry: SeverityLevel = { level: row[level] ?? '', response: row[response] ?? '', line: rowLines[r] ?? table.line };
    if (rest.length > 0) entry.description = rest.join(' — ');
    return entry;
  });
}

/** The rows of an escalation matrix. */
export function escalationRows(table: Table, rowLines: number[]): EscalationRow[] {
  const time = table.headers.findIndex((h) => TIME.test(h.trim()));
  const contact = table.headers.findIndex((h, c) => c !== time && CONTACT.test(h));
  const action = table.headers.findIndex((h, c) => c !== time && c !== contact && ACTION.test(h));
  return table.rows.map((row, r) => {
    const entry: EscalationRow = { after: row[time] ?? '', line: rowLines[r] ?? table.line };
    const minutes = readMinutes(entry.after);
    if (minutes !== undefined) entry.afterMinutes = minutes;
    if (contact >= 0 && row[contact]) entry.contact = row[contact];
    if (action >= 0 && row[action]) entry.action = row[action];
    return entry;
  });
}

/** Reads "15 min", "1 hour", "0-15 minutes", "45+ minutes" as minutes (the start of a range). */
export function readMinutes(text: string): number | undefined {
  const m = /(\d+(?:\.\d+)?)\s*(?:[-–+]\s*\d*\s*)?(s|sec|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?)\b/i.exec(text);
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = m[2]!.toLowerCase();
  if (unit.startsWith('s')) return n / 60;
  if (unit.startsWith('h')) return n * 60;
  if (unit.startsWith('d')) return n * 1440;
  return n;
}
