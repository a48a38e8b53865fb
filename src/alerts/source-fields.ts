// Reading the fields of an alert from an HTTP answer, which is outside data: labels are kept
// only as strings, bounded in number and length; times must be real dates.
import { createHash } from 'node:crypto';

/** Most alerts kept from one answer: a war room's alerts are a screenful, not a data set. */
export const MAX_ALERTS = 2000;
/** Most labels (or annotations) kept per alert. */
const MAX_LABELS = 64;
/** Longest label or annotation value kept, in characters. */
const MAX_VALUE = 2000;

/** A labels (or annotations) object as a map of strings; null when it is not an object. */
export function labelMap(value: unknown): Record<string, string> | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  const out: Record<string, string> = {};
  let count = 0;
  for (const [name, text] of Object.entries(value)) {
    if (typeof text !== 'string' || name.length > 200) continue;
    out[name] = text.length > MAX_VALUE ? text.slice(0, MAX_VALUE) : text;
    if (++count >= MAX_LABELS) break;
  }
  return out;
}

/** Epoch ms of an RFC 3339 time, or null when it is not one (Go's zero time counts as none). */
export function timeOf(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const ms = Date.parse(value);
  return Number.isFinite(ms) && ms > 0 ? ms : null;
}

/** A stable id for a label set (Prometheus' alerts API gives none): the same labels, the same id. */
export function labelsFingerprint(labels: Readonly<Record<string, string>>): string {
  const text = Object.keys(labels).sort().map((name) => `${name}\u0000${labels[name]}`).join('\u0001');
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}
