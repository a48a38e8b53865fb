// Claims through the journal: several consoles appending to one journal file each append a
// claim event for something only one of them may do (page a contact when the escalation policy
// says so), then read the file up to their own line. O_APPEND gives every appender the same
// order of lines, so the first claim line for a key is the same for everyone: that console won.
// Shared across machines, the server decides instead (see src/share), and the winner's claim
// line goes on the record.
import type { TimelineEvent } from './event.js';
import type { Claim, StateChange, StateOutcome } from './recorder.js';

/** The shared incident's server-side decisions, when sharing is on (see src/share). */
export interface SharedState {
  /** The server's claim; null when it cannot be asked (offline). */
  claim(key: string): Promise<Claim | null>;
  changeState(change: StateChange): Promise<StateOutcome>;
}

/** What claiming needs of the journal. */
export interface ClaimingJournal {
  /** The server's decisions, when shared. */
  shared: SharedState | null;
  /** Appends a claim event; null when it could not be written. */
  recordClaim(data: Record<string, unknown>): TimelineEvent | null;
  /** Reads what other processes appended, up to now, into the claims. */
  readBack(): void;
}

/** The kind of a claim event. */
export const CLAIM_KIND = 'escalation.claimed';

/** Who holds a claim. */
export interface ClaimResult {
  /** This console's claim is the first. */
  won: boolean;
  /** The operator whose claim came first. */
  by: string;
  /** Epoch ms of the first claim. */
  at: number;
}

/** The first claim event of each key, fed with events in file order. */
export class ClaimBook {
  private readonly first = new Map<string, TimelineEvent>();

  /** Notes the claims among `events` (in the order they are in the file). */
  note(events: readonly TimelineEvent[]): void {
    for (const event of events) {
      if (event.kind !== CLAIM_KIND) continue;
      const key = event.data.key;
      if (typeof key === 'string' && !this.first.has(key)) this.first.set(key, event);
    }
  }

  /** The first claim of `key` seen so far. */
  winner(key: string): TimelineEvent | undefined {
    return this.first.get(key);
  }
}

/** One journal's claims: the first claim line of each key, and which of them this process wrote. */
export class JournalClaims {
  private readonly book = new ClaimBook();
  /** Ids of the claims this process wrote (an operator name is not unique across consoles). */
  private readonly own = new Set<string>();

  /** Notes the claims among events read or written (in file order). */
  note(events: readonly TimelineEvent[]): void {
    this.book.note(events);
  }

  /**
   * Claims `key` for this console: the server's answer when shared and reachable, else a claim
   * line appended and the file read up to it. Null when the claim could not be written.
   */
  async claim(journal: ClaimingJournal, key: string, data: Record<string, unknown>): Promise<ClaimResult | null> {
    // Offline, the journal decides among the consoles on this machine.
    const server = journal.shared ? await journal.shared.claim(key) : null;
    if (server) {
      if (server.won) journal.recordClaim({ ...data, key });
      return server;
    }
    const existing = this.book.winner(key);
    if (existing) return { won: this.own.has(existing.id), by: claimant(existing), at: existing.ts };
    const mine = journal.recordClaim({ ...data, key });
    if (!mine) return null;
    this.own.add(mine.id);
    journal.readBack();
    const first = this.book.winner(key) ?? mine;
    return { won: first.id === mine.id, by: claimant(first), at: first.ts };
  }
}

/** The console that made a claim: claims are the console's own, recorded under warroom naming it. */
function claimant(claim: TimelineEvent): string {
  return claim.console ?? claim.operator;
}
