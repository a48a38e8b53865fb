// What a console writes again when the journal file it appends to was replaced, deleted or cut
// short by something else: the events it knows of that the new file lacks, after the last one
// the new file still has. An editor's copy was taken at some moment; what was appended to the
// old file after that moment would otherwise be lost, while lines the edit removed from the
// middle (a leaked secret cut out by hand) stay removed.
import { closeSync, constants, mkdirSync, openSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { encodeEvent, type TimelineEvent } from './event.js';
import type { JournalAppender } from './journal-appender.js';
import { readJournal, type LoadedJournal } from './journal-file.js';

/** The events to append to the new file, and how many the edit removed before them. */
export interface Carry {
  carry: TimelineEvent[];
  /** Known events, older than the new file's last known one, that the new file lacks. */
  removed: number;
}

/**
 * Opens (or recreates) the file `path` names now — reopened in any case when it was cut short —
 * and appends what it lacks of `known`; returns what it held before. One console at a time: the
 * next one reads what the previous one wrote back.
 */
export function carryOnto(path: string, appender: JournalAppender, known: readonly TimelineEvent[], shrunk: boolean): Carry & { onDisk: LoadedJournal } {
  return withRelinkLock(path, () => {
    if (shrunk || appender.check() !== 'same') appender.reopen();
    const read = readJournal(path, false);
    const split = eventsToCarry(known, new Set(read.events.map((e) => e.id)));
    if (split.carry.length > 0) appender.append(split.carry.map(encodeEvent).join(''));
    return { onDisk: read, ...split };
  });
}

/** Splits `known` (in the order this console learned them) against the ids the new file holds. */
export function eventsToCarry(known: readonly TimelineEvent[], present: ReadonlySet<string>): Carry {
  let last = -1;
  for (let i = known.length - 1; i >= 0; i -= 1) {
    if (present.has(known[i]!.id)) {
      last = i;
      break;
    }
  }
  let removed = 0;
  for (let i = 0; i < last; i += 1) if (!present.has(known[i]!.id)) removed += 1;
  const carry = known.slice(last + 1).filter((event) => !present.has(event.id));
  return { carry, removed };
}

const events = (n: number): string => `${n} event${n === 1 ? '' : 's'}`;

/** What the operator is told when the journal moved onto a new file. */
export function relinkMessage(file: string, why: 'replaced' | 'deleted' | 'shrunk', carried: number, removed: number): string {
  const what =
    why === 'deleted'
      ? `${file} was deleted: recreated from this console's copy (${events(carried)} written back)`
      : why === 'shrunk'
        ? `${file} was cut short by another program: ${events(carried)} it lost written back`
        : `${file} was replaced by another program: now writing to the new file (${events(carried)} it lacked written into it)`;
  return removed > 0 ? `${what}; ${events(removed)} the edit removed stay removed from the file` : what;
}

/** How long a relink lock may be held before it counts as left behind by a dead process. */
const STALE_LOCK_MS = 5000;
/** Something to Atomics.wait on while another process holds the lock. */
const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Runs `fn` while holding `${path}.lock` (created exclusively), so that consoles noticing the
 * same replaced file one after the other each see what the previous one wrote back, rather than
 * all writing the same events into it. The work under it is a read and one write: waiting is
 * short, and a lock older than STALE_LOCK_MS (its holder died) is taken over.
 */
export function withRelinkLock<T>(path: string, fn: () => T): T {
  const lock = `${path}.lock`;
  mkdirSync(dirname(path), { recursive: true });
  for (;;) {
    try {
      closeSync(openSync(lock, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, 0o600));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const held = statSync(lock, { throwIfNoEntry: false });
      if (held && Date.now() - held.mtimeMs > STALE_LOCK_MS) rmSync(lock, { force: true });
      else Atomics.wait(pause, 0, 0, 2);
    }
  }
  try {
    return fn();
  } finally {
    rmSync(lock, { force: true });
  }
}
