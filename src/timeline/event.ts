// One line of an incident journal: the schema, how an event becomes a bounded line of JSON, and
// how a line is read back (including lines written by newer versions, kept as they are).
import { createHash, randomBytes } from 'node:crypto';

/** The journal schema version this code writes. Readers keep newer versions' events as raw. */
export const SCHEMA_VERSION = 1;

/** Largest line one append writes; bigger events have their long strings cut (marked). */
export const MAX_LINE_BYTES = 64 * 1024;

/** One event of the incident timeline as stored in `journal.jsonl`. */
export interface TimelineEvent {
  v: number;
  /** Unique across processes: pid, a per-process counter and random bytes (or a stable id, see stableEventId). */
  id: string;
  /** UTC epoch ms the event happened (its real time when backfilled). */
  ts: number;
  /** Who did it: a person, or `warroom` for what the console observed on its own. */
  operator: string;
  /** For `warroom`'s own events: the operator whose console observed it. */
  console?: string;
  /** An `EventKind` for this version; any string from newer versions. */
  kind: string;
  data: Record<string, unknown>;
  /** Entered after the fact with its real time (`:note 13:52 ...`). */
  backfilled?: boolean;
  /** Its sequence in the shared stream, on events that came from it (see src/share). */
  seq?: number;
}

/** Whether an event is the journal's own bookkeeping (`share.*`): never shown, exported or published. */
export function isBookkeeping(event: { kind: string }): boolean {
  return event.kind.startsWith('share.');
}

const processTag = `${process.pid.toString(36)}-${randomBytes(3).toString('hex')}`;
let counter = 0;

/** A new event id, unique across processes appending to the same journal. */
export function newEventId(): string {
  counter += 1;
  return `${processTag}-${counter.toString(36)}-${randomBytes(2).toString('hex')}`;
}

/** Stable ids this process wrote (see stableEventId): its own events too. */
const ownStableIds = new Set<string>();

/**
 * The id of an event every console that sees the same thing records alike (an alert starting to
 * fire): the same parts give the same id, so the journal keeps the first line of it and the
 * shared stream drops the second publication, and the event is on the record once.
 */
export function stableEventId(...parts: string[]): string {
  return `s-${createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 24)}`;
}

/** Notes that this process wrote the event with a stable id. */
export function noteOwnStableId(id: string): void {
  ownStableIds.add(id);
}

/**
 * Whether this process recorded the event (its id carries this process's tag, or it wrote it
 * under a stable id): work that one console does for its own events (posting them to Grafana,
 * asking about silences at its own `:resolve`) is not done again by every console following the
 * same incident.
 */
export function isOwnEvent(event: { id: string }): boolean {
  return event.id.startsWith(`${processTag}-`) || ownStableIds.has(event.id);
}

const TRUNCATED = '…[truncated]';

/** Cuts every string longer than `limit` characters, recursively, marking the cut. */
function cutStrings(value: unknown, limit: number): unknown {
  if (typeof value === 'string') return value.length > limit ? value.slice(0, limit) + TRUNCATED : value;
  if (Array.isArray(value)) return value.map((item) => cutStrings(item, limit));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = cutStrings(item, limit);
    return out;
  }
  return value;
}

/**
 * Serialises an event as one newline-terminated line of at most MAX_LINE_BYTES, so that one
 * O_APPEND write stays one line even when several processes append at once.
 */
export function encodeEvent(event: TimelineEvent): string {
  let line = JSON.stringify(event) + '\n';
  for (const limit of [8192, 1024, 128]) {
    if (Buffer.byteLength(line) <= MAX_LINE_BYTES) return line;
    line = JSON.stringify({ ...event, data: cutStrings(event.data, limit) }) + '\n';
  }
  if (Buffer.byteLength(line) <= MAX_LINE_BYTES) return line;
  // Pathological data (huge arrays of short strings): keep a bounded, readable trace of it.
  const raw = JSON.stringify(event.data).slice(0, 4096);
  return JSON.stringify({ ...event, data: { truncated: true, raw } }) + '\n';
}

/** Reads one journal line; null when it is not a valid event (torn or foreign). */
export function decodeEvent(line: string): TimelineEvent | null {
  const parsed = tryParse(line);
  if (parsed) return parsed;
  // A torn line from a crashed writer followed by a whole line from another process shows up
  // as one line: salvage the whole event at its end.
  const start = line.lastIndexOf('{"v":');
  return start > 0 ? tryParse(line.slice(start)) : null;
}

function tryParse(line: string): TimelineEvent | null {
  try {
    const value: unknown = JSON.parse(line);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
    const event = value as Partial<TimelineEvent>;
    if (typeof event.id !== 'string' || typeof event.ts !== 'number' || typeof event.kind !== 'string') return null;
    // Filled in place: the parsed object is ours, and copying 100,000 of them is what a reopen costs.
    if (typeof event.v !== 'number') event.v = SCHEMA_VERSION;
    if (typeof event.operator !== 'string') event.operator = '?';
    if (event.data === null || typeof event.data !== 'object') event.data = { value: event.data };
    return event as TimelineEvent;
  } catch {
    return null;
  }
}

/**
 * Orders events by time; equal times by stream sequence (the same order on every console sharing
 * the incident), events not in the stream yet after those that are, else in journal order
 * (Array.sort is stable).
 */
export function sortByTime(events: readonly TimelineEvent[]): TimelineEvent[] {
  return [...events].sort((a, b) => a.ts - b.ts || (a.seq ?? Infinity) - (b.seq ?? Infinity) || 0);
}
