// The key times every post-mortem template asks for, derived from the events alone: started,
// detected (first failure seen), acknowledged (first human action or `:ack`), mitigated (the
// board all clear again, for good), resolved. A milestone set by hand (`:milestone NAME TIME`)
// wins over the derived one; the latest setting of a name wins over earlier ones.
import { describeEvent } from './describe.js';
import type { TimelineEvent } from './event.js';
import { actorOf } from './actor.js';

/** The milestones, in the order an incident reaches them. */
export const MILESTONES = ['started', 'detected', 'acknowledged', 'mitigated', 'resolved'] as const;
/** One of MILESTONES. */
export type MilestoneName = (typeof MILESTONES)[number];

/** When a milestone was reached and how that is known. */
export interface Milestone {
  name: MilestoneName;
  /** Epoch ms; null when not reached (or not recorded). */
  at: number | null;
  /** `auto`: derived from the events; `hand`: set with `:milestone`. */
  source: 'auto' | 'hand';
  /** What marks it: the event's text, or who set it and when. */
  how: string;
  /** The person whose action marks it (acknowledged), or who set it by hand. */
  by?: string;
}

/** The intervals post-mortems report, in ms (null when either end is unknown or out of order). */
export interface KeyDurations {
  /** started → detected */
  toDetect: number | null;
  /** detected → acknowledged */
  toAcknowledge: number | null;
  /** started → mitigated */
  toMitigate: number | null;
  /** started → resolved */
  toResolve: number | null;
}

/** Every milestone by name, and the durations between them. */
export interface KeyTimes {
  milestones: Record<MilestoneName, Milestone>;
  durations: KeyDurations;
}

const BAD_CHECK_STATES = new Set(['DOWN', 'DEGRADED']);
/** Presence is not action: joining or leaving does not acknowledge anything. */
const NOT_ACTIONS = new Set(['incident.opened', 'incident.reopened', 'operator.joined', 'operator.left', 'host.connection']);

/** Whether an event is a failure seen on the board (a check not UP, a panel critical, errors pouring into a log). */
export function isFailureSeen(event: TimelineEvent): boolean {
  if (event.kind === 'check.state') return BAD_CHECK_STATES.has(String(event.data.to));
  if (event.kind === 'metric.threshold') return event.data.to === 'crit';
  return event.kind === 'log.error-rate';
}

/** Whether an event is a person acting on the incident (so acknowledging it), at the time it happened. */
export function isHumanAction(event: TimelineEvent): boolean {
  // A backfilled note tells of the past; it was typed later, not done then.
  if (event.backfilled === true || NOT_ACTIONS.has(event.kind)) return false;
  return !actorOf(event).automated;
}

function checkKey(event: TimelineEvent): string {
  return `${String(event.data.service)}\u0000${String(event.data.check)}`;
}

/** The last moment after detection the board went all clear and stayed so: no check down or degraded, no panel critical. */
function allClearAt(sorted: readonly TimelineEvent[], detectedAt: number): TimelineEvent | null {
  const bad = new Set<string>();
  let clear: TimelineEvent | null = null;
  for (const event of sorted) {
    let key: string;
    let isBad: boolean;
    if (event.kind === 'check.state') {
      key = `c${checkKey(event)}`;
      isBad = BAD_CHECK_STATES.has(String(event.data.to));
    } else if (event.kind === 'metric.threshold') {
      key = `m${String(event.data.panel)}`;
      isBad = event.data.to === 'crit';
    } else {
      continue;
    }
    if (isBad) bad.add(key);
    else bad.delete(key);
    if (bad.size > 0) clear = null;
    else if (!isBad && clear === null && event.ts >= detectedAt) clear = event;
  }
  return bad.size === 0 ? clear : null;
}

const auto = (name: MilestoneName, event: TimelineEvent | null | undefined, how?: string): Milestone =>
  event ? { name, at: event.ts, source: 'auto', how: how ?? describeEvent(event) } : { name, at: null, source: 'auto', how: 'not recorded' };

/** `2026-11-22 23:41:00 UTC` */
function utc(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** Hand-set milestones by name: the latest `incident.milestone` event for each wins. */
function handSet(sorted: readonly TimelineEvent[]): Map<MilestoneName, Milestone> {
  const found = new Map<MilestoneName, Milestone>();
  for (const event of sorted) {
    if (event.kind !== 'incident.milestone') continue;
    const name = event.data.name as MilestoneName;
    const at = event.data.at;
    if (!MILESTONES.includes(name) || typeof at !== 'number' || !Number.isFinite(at)) continue;
    found.set(name, { name, at, source: 'hand', how: `set by ${event.operator} at ${utc(event.ts)}`, by: event.operator });
  }
  return found;
}

function span(from: number | null, to: number | null): number | null {
  return from === null || to === null || to < from ? null : to - from;
}

/** Derives the key times from the incident's events, sorted by time. */
export function keyTimes(sorted: readonly TimelineEvent[]): KeyTimes {
  const opened = sorted.find((e) => e.kind === 'incident.opened') ?? sorted[0];
  const detection = sorted.find(isFailureSeen);
  let resolution: TimelineEvent | null = null;
  for (const event of sorted) {
    if (event.kind === 'incident.resolved') resolution = event;
    else if (event.kind === 'incident.reopened') resolution = null;
  }
  const hand = handSet(sorted);
  const started = hand.get('started') ?? auto('started', opened, opened?.kind === 'incident.opened' ? 'incident opened' : undefined);
  const detected = hand.get('detected') ?? auto('detected', detection);
  const since = detected.at ?? started.at ?? -Infinity;
  // An explicit :ack counts whenever it came; any other action only once the failure was known.
  const ack = sorted.find((e) => e.kind === 'incident.acknowledged' || (isHumanAction(e) && e.ts >= since));
  const acknowledged =
    hand.get('acknowledged') ??
    (ack
      ? { ...auto('acknowledged', ack, ack.kind === 'incident.acknowledged' ? `:ack by ${ack.operator}` : `first action: ${describeEvent(ack)} (${ack.operator})`), by: ack.operator }
      : auto('acknowledged', null));
  const clear = detected.at === null ? null : allClearAt(sorted, detected.at);
  const mitigated = hand.get('mitigated') ?? auto('mitigated', clear, clear ? `board all clear: ${describeEvent(clear)}` : undefined);
  // A correction of the resolution time applies only while the incident is resolved.
  const resolved = resolution ? (hand.get('resolved') ?? auto('resolved', resolution)) : auto('resolved', null);
  return {
    milestones: { started, detected, acknowledged, mitigated, resolved },
    durations: {
      toDetect: span(started.at, detected.at),
      toAcknowledge: span(detected.at, acknowledged.at),
      toMitigate: span(started.at, mitigated.at),
      toResolve: span(started.at, resolved.at),
    },
  };
}
