// The status update a lead starts from: the phase's sentence, what is down, what was done, and
// when the next update is due. Plain text, one fact per line, ready for Slack or a status page.
import type { Severity } from '../config/types.js';
import { headline, type IncidentSnapshot } from '../escalation/snapshot.js';
import type { StatusPhase } from './types.js';
import { formatDuration } from '../time/duration-text.js';

/** The phases in the order an incident goes through them. */
export const PHASES: readonly StatusPhase[] = ['investigating', 'identified', 'monitoring', 'resolved'];

/** How often updates are promised, by severity. */
export const UPDATE_INTERVAL_MS: Record<Severity, number> = {
  P0: 15 * 60_000,
  P1: 30 * 60_000,
  P2: 60 * 60_000,
  P3: 120 * 60_000,
  P4: 240 * 60_000,
};

const OPENING: Record<StatusPhase, string> = {
  investigating: 'We are investigating the problem.',
  identified: 'The cause has been identified and a fix is in progress.',
  monitoring: 'A fix has been applied; we are monitoring the results.',
  resolved: 'The incident is resolved.',
};

/** The facts a draft is filled from. */
export interface DraftFacts {
  snapshot: IncidentSnapshot;
  /** Latest action results, newest last ("restart checkout-api: exit 0 in 3s"). */
  actions: string[];
  now: number;
}

function utcClock(at: number): string {
  return `${new Date(at).toISOString().slice(11, 16)} UTC`;
}

/** The pre-filled draft for a phase, as lines. */
export function draftStatusUpdate(phase: StatusPhase, facts: DraftFacts, resolution?: string): string[] {
  const { snapshot } = facts;
  const lines = [`[${phase.toUpperCase()}] ${headline(snapshot)}`, resolution ? `${OPENING[phase]} ${resolution}` : OPENING[phase]];
  if (phase !== 'resolved' || snapshot.down.length > 0) {
    lines.push(snapshot.down.length > 0 ? `Impact: ${snapshot.down.join('; ')}` : 'Impact: nothing is reported down right now.');
  }
  lines.push(facts.actions.length > 0 ? `Actions: ${facts.actions.slice(-3).join('; ')}` : 'Actions: none yet.');
  if (phase !== 'resolved') {
    const next = facts.now + UPDATE_INTERVAL_MS[snapshot.severity];
    lines.push(`Next update: ${utcClock(next)} (in ${formatDuration(next - facts.now)}).`);
  }
  return lines;
}
