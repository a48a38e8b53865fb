// What every section of a post-mortem renders with: UTC times, durations, and table cells that
// are redacted and escaped once per distinct text (names and states repeat on every row).
import { formatDuration } from '../time/duration-text.js';
import type { Redactor } from '../text/redact.js';
import { cell as escapeCell } from './markdown-escape.js';

const DAY_MS = 86_400_000;
let cachedDay = Number.NaN;
let cachedDate = '';
const two = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** `2026-11-22 14:02:33` in UTC (hand-formatted: 100,000 rows make toISOString show up). */
export function utcTime(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  if (day !== cachedDay) {
    cachedDay = day;
    cachedDate = new Date(day * DAY_MS).toISOString().slice(0, 10);
  }
  const seconds = Math.floor((ms - day * DAY_MS) / 1000);
  return `${cachedDate} ${two(Math.floor(seconds / 3600))}:${two(Math.floor(seconds / 60) % 60)}:${two(seconds % 60)}`;
}

/** `2026-11-22 14:02:33 UTC`, or `fallback` when unknown. */
export function when(ms: number | null, fallback: string): string {
  return ms === null ? fallback : `${utcTime(ms)} UTC`;
}

/** `4m 12s`, or `fallback` when unknown. */
export function duration(ms: number | null, fallback = '—'): string {
  if (ms === null) return fallback;
  return ms === 0 ? '0s' : formatDuration(ms);
}

const TIMESTAMP = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?: UTC)?$/;

/** Turns raw text into a safe table cell: redacted first, then escaped. */
export type Cell = (text: string) => string;

/** A cell maker for one render: redacts with `redactor`, escapes, caches short texts. */
export function cellMaker(redactor: Redactor): Cell {
  const seen = new Map<string, string>();
  return (text) => {
    // Our own timestamps need neither redaction nor escaping, and would only bloat the cache.
    if (TIMESTAMP.test(text)) return text;
    if (text.length > 32) return escapeCell(redactor(text));
    let out = seen.get(text);
    if (out === undefined) {
      out = escapeCell(redactor(text));
      seen.set(text, out);
    }
    return out;
  };
}

/** Any value as text for a cell. */
export function str(value: unknown, fallback = ''): string {
  return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : fallback;
}
