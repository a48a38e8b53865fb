// The console's `:role`, `:milestone` and `:ack`: read what was typed, refuse on a read-only
// console, record through the one function per change (incident-changes.ts), and say what
// happened. The header follows from the journal (the timeline feed), whoever made the change.
import type { ConsoleMode } from '../mode/console-mode.js';
import { mayAct } from '../mode/mode-guard.js';
import { parseLeadingTime } from './backfill.js';
import { acknowledge, changeRole, setMilestone } from './incident-changes.js';
import { MILESTONES, type MilestoneName } from './key-times.js';
import type { TimelineRecorder } from './recorder.js';
import { parseRole, ROLE_TITLES, type RoleHolders } from './roles.js';

/** What the controls read and tell (the store is one): the incident as the header shows it. */
export interface IncidentHost {
  getState(): {
    incident: { mode: ConsoleMode; operator: string; resolvedAt: number | null; roles: RoleHolders; milestones: Partial<Record<MilestoneName, number>> };
    setIncident(patch: { roles?: RoleHolders; milestones?: Partial<Record<MilestoneName, number>> }): void;
    showFlash(text: string, tone?: 'info' | 'warn' | 'error', ms?: number): void;
  };
}

/** Milestone names as typed: the full names and the short ones people use. */
const MILESTONE_ALIASES: Record<string, MilestoneName> = {
  start: 'started',
  detect: 'detected',
  ack: 'acknowledged',
  acked: 'acknowledged',
  acknowledge: 'acknowledged',
  mitigate: 'mitigated',
  resolve: 'resolved',
};

/** Reads a milestone name (`mitigated`, `mitigate`, `ack`...). */
export function parseMilestone(word: string): MilestoneName | null {
  const lower = word.trim().toLowerCase();
  return (MILESTONES as readonly string[]).includes(lower) ? (lower as MilestoneName) : (MILESTONE_ALIASES[lower] ?? null);
}

/** What `:role`, `:milestone` and `:ack` do in a console. */
export class IncidentControls {
  constructor(
    private readonly store: IncidentHost,
    private readonly recorder: TimelineRecorder,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * `:role ic|scribe|comms [NAME|me|none]`: claims the role (no name, or `me`), hands it over, or
   * releases it. Shared across machines, the server's compare-and-set decides between two
   * consoles changing a role at once: the loser records nothing, shows the winner, and says so.
   */
  async role(args: readonly string[]): Promise<boolean> {
    const state = this.store.getState();
    const role = parseRole(args[0] ?? '');
    if (!role) {
      state.showFlash(`usage: :role ic|scribe|comms [NAME|me|none] — ${args[0] ? `not a role: ${args[0]}` : 'which role?'}`, 'error');
      return false;
    }
    if (!mayAct(this.store, `${ROLE_TITLES[role]} change`)) return false;
    const named = args.slice(1).join(' ').trim();
    const to = named === '' || /^(me|myself)$/i.test(named) ? state.incident.operator : /^(none|nobody|-)$/i.test(named) ? null : named;
    const from = state.incident.roles[role];
    if (from === to) {
      state.showFlash(to === null ? `nobody is ${ROLE_TITLES[role]}` : `${to} is already ${ROLE_TITLES[role]}`, 'info');
      return false;
    }
    const outcome = await changeRole(this.recorder, { role, from, to });
    // Read again after the wait: another console's change may have reached the store meanwhile.
    const now = this.store.getState();
    if (!outcome.done) {
      if ('unsaved' in outcome) return this.unsaved();
      const current = outcome.refused.current;
      if (current) now.setIncident({ roles: { ...now.incident.roles, [role]: current.value } });
      now.showFlash(outcome.refused.text, 'warn', 15_000);
      return false;
    }
    now.setIncident({ roles: { ...now.incident.roles, [role]: to } });
    now.showFlash(to === null ? `${ROLE_TITLES[role]} released` : `${ROLE_TITLES[role]}: ${to}${from ? ` (was ${from})` : ''}`, 'info');
    return true;
  }

  /** `:milestone NAME [TIME] [TEXT]`: sets or corrects a milestone; TIME as in `:note` (`13:52`, `14:02:30Z`). */
  milestone(rest: string): boolean {
    const state = this.store.getState();
    const [word = '', ...after] = rest.trim().split(/\s+/);
    const name = parseMilestone(word);
    if (!name) {
      state.showFlash(`usage: :milestone ${MILESTONES.join('|')} [TIME] [why] — ${word ? `not a milestone: ${word}` : 'which one?'}`, 'error');
      return false;
    }
    if (name === 'resolved' && state.incident.resolvedAt === null) {
      state.showFlash('the incident is not resolved: use :resolve (then :milestone resolved TIME corrects its time)', 'error');
      return false;
    }
    if (!mayAct(this.store, 'milestone change')) return false;
    const now = this.now();
    const typed = after.join(' ');
    const timed = parseLeadingTime(typed, now);
    if (!timed && /^\d{1,2}:\d|^\d{4}-\d/.test(typed)) {
      state.showFlash(`not a time: ${after[0]} — use 13:52, 13:52:30, 14:02Z or 2026-11-21 23:58`, 'error');
      return false;
    }
    const at = timed?.at ?? now;
    const text = timed ? timed.text : typed;
    if (!setMilestone(this.recorder, { name, at, text })) return this.unsaved();
    state.setIncident({ milestones: { ...state.incident.milestones, [name]: at } });
    state.showFlash(`${name}: ${new Date(at).toISOString().slice(11, 19)} UTC`, 'info');
    return true;
  }

  /** `:ack [TEXT]`: acknowledges the incident now. */
  ack(rest: string): boolean {
    const state = this.store.getState();
    if (!mayAct(this.store, 'acknowledgement')) return false;
    if (!acknowledge(this.recorder, rest)) return this.unsaved();
    if (state.incident.milestones.acknowledged === undefined) {
      state.setIncident({ milestones: { ...state.incident.milestones, acknowledged: this.now() } });
    }
    state.showFlash('acknowledged', 'info');
    return true;
  }

  private unsaved(): false {
    this.store.getState().showFlash('not saved: the timeline could not record it', 'error');
    return false;
  }
}
