// Incident roles (the ones PagerDuty and incident.io name): who held which, from when to when,
// and who responded at all, derived from `incident.role` and presence events.
import type { TimelineEvent } from './event.js';
import { SYSTEM_OPERATOR, actorOf } from './actor.js';

/** The roles, in the order the header and the export list them. */
export const ROLES = ['ic', 'scribe', 'comms'] as const;
/** One of ROLES. */
export type RoleName = (typeof ROLES)[number];

/** How each role is written out. */
export const ROLE_TITLES: Record<RoleName, string> = { ic: 'incident commander', scribe: 'scribe', comms: 'communications' };

/** Who holds each role now (null: nobody). */
export type RoleHolders = Record<RoleName, string | null>;

/** A span one person held one role. */
export interface RoleSpan {
  role: RoleName;
  who: string;
  from: number;
  /** Null while still held at the end of the record. */
  to: number | null;
}

/** One person who took part: when they joined and left, and the roles they held. */
export interface Responder {
  name: string;
  /** First time seen (joined a console or recorded something). */
  joinedAt: number;
  /** Last time they left a console, or null while a console of theirs is still open. */
  leftAt: number | null;
  roles: RoleSpan[];
}

/** Reads `ic`, `IC`, `commander`, `scribe`, `comms`, `communications` as a role. */
export function parseRole(text: string): RoleName | null {
  const word = text.trim().toLowerCase();
  if (word === 'ic' || word === 'commander' || word === 'incident-commander') return 'ic';
  if (word === 'scribe') return 'scribe';
  if (word === 'comms' || word === 'communications' || word === 'comm') return 'comms';
  return null;
}

/** Role holders now and every span held, from events sorted by time. */
export function roleHistory(sorted: readonly TimelineEvent[]): { holders: RoleHolders; spans: RoleSpan[] } {
  const holders: RoleHolders = { ic: null, scribe: null, comms: null };
  const open = new Map<RoleName, RoleSpan>();
  const spans: RoleSpan[] = [];
  for (const event of sorted) {
    if (event.kind !== 'incident.role') continue;
    const role = parseRole(String(event.data.role ?? ''));
    if (!role) continue;
    const to = typeof event.data.to === 'string' && event.data.to !== '' ? event.data.to : null;
    const current = open.get(role);
    if (current) {
      current.to = event.ts;
      open.delete(role);
    }
    holders[role] = to;
    if (to !== null) {
      const held: RoleSpan = { role, who: to, from: event.ts, to: null };
      open.set(role, held);
      spans.push(held);
    }
  }
  return { holders, spans };
}

/** The people who took part, in the order they appeared, with their roles. */
export function responders(sorted: readonly TimelineEvent[]): Responder[] {
  const people = new Map<string, Responder & { sessions: number }>();
  const person = (name: string, at: number): Responder & { sessions: number } => {
    let found = people.get(name);
    if (!found) {
      found = { name, joinedAt: at, leftAt: null, roles: [], sessions: 0 };
      people.set(name, found);
    }
    found.joinedAt = Math.min(found.joinedAt, at);
    return found;
  };
  for (const event of sorted) {
    const actor = actorOf(event);
    // A backfilled note tells of the past: its author was not there then.
    if (actor.automated || actor.who === SYSTEM_OPERATOR || event.backfilled === true) continue;
    const who = person(actor.who, event.ts);
    if (event.kind === 'operator.joined') {
      who.sessions += 1;
      who.leftAt = null;
    } else if (event.kind === 'operator.left') {
      who.sessions = Math.max(0, who.sessions - 1);
      if (who.sessions === 0) who.leftAt = event.ts;
    }
  }
  // Someone handed a role who never opened a console still responded.
  const { spans } = roleHistory(sorted);
  for (const held of spans) person(held.who, held.from).roles.push(held);
  return [...people.values()].map(({ sessions: _sessions, ...r }) => r);
}
