// How an incident travels through JetStream: one stream (default WARROOM) holding one subject
// per incident, `warroom.<incident>.events`, whose messages are the journal's own event lines
// (minus what only the local journal knows), published with `Nats-Msg-Id` = the event id.
import { decodeEvent, isBookkeeping, type TimelineEvent } from '../timeline/event.js';

/** The stream used when `share.stream` is not set. */
export const DEFAULT_STREAM = 'WARROOM';

/** The subjects the stream takes: every incident's events. */
export const STREAM_SUBJECTS = 'warroom.*.events';

const TOKEN = /^[A-Za-z0-9_-]{1,200}$/;

/** Whether an incident id can name a subject (and a KV key): no dots, wildcards or spaces. */
export function isShareableId(id: string): boolean {
  return TOKEN.test(id);
}

/** The subject of one incident's events. */
export function subjectFor(incident: string): string {
  if (!isShareableId(incident)) throw new Error(`incident id ${JSON.stringify(incident)} cannot be shared (letters, digits, - and _ only)`);
  return `warroom.${incident}.events`;
}

/** The incident a subject belongs to, or null for subjects that are not an incident's. */
export function incidentOf(subject: string): string | null {
  const parts = subject.split('.');
  return parts.length === 3 && parts[0] === 'warroom' && parts[2] === 'events' && isShareableId(parts[1]!) ? parts[1]! : null;
}

/** The message body of an event: its journal line without the local-only stream sequence. */
export function encodeForStream(event: TimelineEvent): string {
  const { seq: _seq, ...shared } = event;
  return JSON.stringify(shared);
}

/**
 * An event read from a message, or null when the body is not one. A journal's own bookkeeping
 * (`share.*`) never travels: one arriving would tell this console lies about its own sync state.
 */
export function decodeFromStream(body: string): TimelineEvent | null {
  const event = decodeEvent(body);
  if (!event || isBookkeeping(event)) return null;
  delete event.seq;
  return event;
}
