// The parts of one log line as the pane shows them in columns (as lnav does): the line's own
// time, its message, who in the service wrote it, and the other fields. Parsed when a line is
// drawn (only the rows on screen), never on the ingest hot path: a million lines a second are
// classified there, a few dozen are drawn per frame.
//
// Values decoded from JSON (`\u001b`, `\n`) are neutralised again: the ring's text was safe, the
// decoded string need not be.
//
// logfmt is split by hand below: the `logfmt` npm package turns `dur=0012` into the number 12
// and bare keys into `true`, and the pane must show values exactly as they were written.

import { neutraliseLine } from '../text/neutralise.js';

/** One line split into the columns the pane draws. */
export interface LineParts {
  /** Epoch ms of the line's own leading timestamp (or its time field); NaN when it has none. */
  time: number;
  /** What happened: the `msg` field, or the text after the timestamp and level word. */
  message: string;
  /** Who in the service wrote it (`logger`, `component` ...), '' when the line does not say. */
  origin: string;
  /** Every other field, in the line's order (empty for plain text). */
  fields: ReadonlyArray<readonly [string, string]>;
  /** How the line was read. */
  format: 'json' | 'logfmt' | 'text';
}

// `2026-12-03T08:12:26.810Z`, `2026-12-03 08:12:26,810`, with an optional zone.
const LEADING_TIME = /^\[?(\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:[.,]\d{1,9})?(?:Z|[+-]\d\d:?\d\d)?)\]?(?:\s+|$)/;
// A level word written after the timestamp; the level column already shows it.
const LEADING_LEVEL = /^[[(<]?(?:TRACE|TRC|DEBUG|DEBU|DBG|INFO|INF|NOTICE|WARN|WARNING|WRN|ERROR|ERR|ERRO|CRITICAL|CRIT|FATAL|PANIC|trace|debug|info|notice|warn|warning|error|fatal)[\])>]?:?(?:\s+|$)/;
// `[checkout-api]` after the timestamp and level: who wrote the line.
const LEADING_ORIGIN = /^\[([\w.:/@-]{1,40})\]\s+/;
const TIME_KEYS = ['time', 'ts', 'timestamp', '@timestamp', 't', 'datetime'];
const LEVEL_KEYS = ['level', 'severity', 'lvl', 'loglevel'];
const MESSAGE_KEYS = ['msg', 'message', '@message', 'event'];
const ORIGIN_KEYS = ['logger', 'component', 'module', 'caller', 'name', 'service', 'svc'];

/** Epoch ms of a timestamp as logs write it (ISO text, or epoch seconds/ms); NaN if not one. */
export function parseLogTime(value: string): number {
  if (/^\d{9,10}(?:\.\d+)?$/.test(value)) return Number(value) * 1000;
  if (/^\d{12,13}$/.test(value)) return Number(value);
  if (!/^\d{4}-\d\d-\d\d[T ]\d\d:\d\d/.test(value)) return Number.NaN;
  return Date.parse(value.replace(',', '.').replace(' ', 'T'));
}

/** Splits one (neutralised, redacted) line into the pane's columns. */
export function lineParts(text: string): LineParts {
  let rest = text;
  let time = Number.NaN;
  const stamp = LEADING_TIME.exec(rest);
  if (stamp) {
    time = parseLogTime(stamp[1]!);
    rest = rest.slice(stamp[0].length);
  }
  if (rest.charCodeAt(0) === 123 /* { */) {
    const json = jsonParts(rest, time);
    if (json) return json;
  }
  if (/^[\w.@-]+=/.test(rest)) {
    const pairs = logfmtPairs(rest);
    if (pairs !== null && pairs.length >= 2) return structuredParts(pairs, time, 'logfmt');
  }
  // Only after a leading timestamp: without one the line's start is not known to be a header.
  if (!stamp) return { time, message: rest, origin: '', fields: [], format: 'text' };
  const level = LEADING_LEVEL.exec(rest);
  if (level) rest = rest.slice(level[0].length);
  const origin = LEADING_ORIGIN.exec(rest);
  if (origin) rest = rest.slice(origin[0].length);
  return { time, message: rest, origin: origin?.[1] ?? '', fields: [], format: 'text' };
}

function jsonParts(text: string, time: number): LineParts | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  const pairs = Object.entries(value as Record<string, unknown>).map(([key, v]): [string, string] => [key, typeof v === 'string' ? v : JSON.stringify(v) ?? String(v)]);
  return structuredParts(pairs, time, 'json');
}

// Picks the time, level, message and origin out of the pairs; the rest stay fields.
function structuredParts(pairs: Array<[string, string]>, leading: number, format: 'json' | 'logfmt'): LineParts {
  const taken = new Set<string>();
  const pick = (keys: readonly string[]): string => {
    for (const key of keys) {
      const pair = pairs.find(([k]) => k === key && !taken.has(k));
      if (pair) {
        taken.add(key);
        return pair[1];
      }
    }
    return '';
  };
  let time = leading;
  const timeText = pick(TIME_KEYS);
  if (Number.isNaN(time) && timeText !== '') time = parseLogTime(timeText);
  pick(LEVEL_KEYS);
  const message = pick(MESSAGE_KEYS);
  const origin = pick(ORIGIN_KEYS);
  // A time field that did not read as a time is shown as a field, not dropped.
  if (timeText !== '' && Number.isNaN(parseLogTime(timeText))) for (const key of TIME_KEYS) taken.delete(key);
  const fields = pairs.filter(([key]) => !taken.has(key)).map(([key, value]) => [clean(key), clean(value)] as const);
  return { time, message: clean(message), origin: clean(origin), fields, format };
}

// Line breaks in a value (a JSON stack trace) become a visible mark on the one row; any other
// control a JSON escape decoded to is neutralised as the ring's lines are.
function clean(value: string): string {
  return neutraliseLine(value.replace(/\r\n|\r|\n/g, ' ⏎ '));
}

/** `key=value key="quoted value"` pairs in order; null when some of the text is not a pair. */
export function logfmtPairs(text: string): Array<[string, string]> | null {
  const pairs: Array<[string, string]> = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    while (i < n && text.charCodeAt(i) === 32) i++;
    if (i >= n) break;
    const eq = text.indexOf('=', i);
    const space = text.indexOf(' ', i);
    if (eq === -1 || (space !== -1 && space < eq) || eq === i) return null;
    const key = text.slice(i, eq);
    i = eq + 1;
    let value = '';
    if (text.charCodeAt(i) === 34 /* " */) {
      i++;
      while (i < n && text.charCodeAt(i) !== 34) {
        if (text.charCodeAt(i) === 92 /* \ */ && i + 1 < n) i++;
        value += text[i];
        i++;
      }
      i++;
    } else {
      const end = text.indexOf(' ', i);
      value = text.slice(i, end === -1 ? n : end);
      i = end === -1 ? n : end;
    }
    pairs.push([key, value]);
  }
  return pairs;
}

/** The fields as `key=value` text (values with spaces quoted), for a row after the message. */
export function fieldsText(fields: LineParts['fields']): string {
  return fields.map(([key, value]) => `${key}=${/[\s"]/.test(value) || value === '' ? JSON.stringify(value) : value}`).join(' ');
}
