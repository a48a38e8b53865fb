// Claims through the journal: several consoles appending to one journal file each append a
// claim event for something only one of them may do (page a contact when the escalation policy
// says so), then read the file up to their own line. O_APPEND gives every appender the same
// order of lines, so the first claim line for a key is the same for everyone: that console won.
import type { TimelineEvent } from './event.js';

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
