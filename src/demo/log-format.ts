// Renders one log entry the way real services write them: plain text with a level word,
// JSON lines, or logfmt. warroom must recognise the level in all three.
import type { LogFormat } from './profiles.js';

/** A log level as the demo services spell it. */
export type LogLevel = 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' | 'FATAL';

/** One thing a service logs, before formatting. */
export interface LogEntry {
  level: LogLevel;
  message: string;
  fields: Record<string, string | number | boolean>;
  /** Stack frames, written as continuation lines in text and as one field otherwise. */
  stack?: string[];
}

/** The lines (one, or more for a text stack trace) that `entry` becomes in `format`. */
export function formatEntry(format: LogFormat, service: string, entry: LogEntry, now: Date): string[] {
  const time = now.toISOString();
  if (format === 'json') {
    const record: Record<string, unknown> = { time, level: entry.level.toLowerCase(), service, msg: entry.message };
    Object.assign(record, entry.fields);
    if (entry.stack) record.stack = entry.stack.join('\n');
    return [JSON.stringify(record)];
  }
  if (format === 'logfmt') {
    const pairs: Record<string, string | number | boolean> = { time, level: entry.level.toLowerCase(), service, msg: entry.message };
    Object.assign(pairs, entry.fields);
    if (entry.stack) pairs.stack = entry.stack.join(' | ');
    return [Object.entries(pairs).map(([key, value]) => `${key}=${logfmtValue(value)}`).join(' ')];
  }
  const fields = Object.entries(entry.fields).map(([key, value]) => ` ${key}=${value}`).join('');
  const head = `${time} ${entry.level.padEnd(5)} [${service}] ${entry.message}${fields}`;
  return [head, ...(entry.stack ?? []).map((frame) => `    ${frame}`)];
}

function logfmtValue(value: string | number | boolean): string {
  const text = String(value);
  return /^[^\s"=]+$/.test(text) ? text : JSON.stringify(text);
}
