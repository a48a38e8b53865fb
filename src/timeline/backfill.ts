// Notes typed or pasted into `:note` / the `n` dialog, with an optional leading real time for
// things that happened before warroom was opened or off-console:
//   13:52 deploy 4812 went out            (today, operator's local time; yesterday if that is
//                                          still in the future, e.g. typed just after midnight)
//   2026-11-21 23:58 first customer report
//   14:02:30Z pager fired                 (Z or UTC: the time is UTC)
// Several lines at once become several notes.

/** One note parsed from the input. */
export interface ParsedNote {
  text: string;
  /** Epoch ms of the given time; absent when the note is for now. */
  at?: number;
}

const LEADING_TIME = /^(?:(\d{4})-(\d{2})-(\d{2})[ T])?(\d{1,2}):(\d{2})(?::(\d{2}))?(\s*(?:Z|UTC)\b)?(?:\s+(\S.*))?$/i;

/** Grace for clocks a little apart: a time up to a minute ahead still counts as today. */
const FUTURE_GRACE_MS = 60_000;

function validTime(h: number, m: number, s: number): boolean {
  return h < 24 && m < 60 && s < 60;
}

/**
 * Reads a leading real time (`13:52`, `2026-11-21 23:58`, `14:02:30Z`) and the text after it;
 * null when the line does not start with a valid time. `:note` and `:milestone` share it.
 */
export function parseLeadingTime(line: string, now: number = Date.now()): { at: number; text: string } | null {
  const match = LEADING_TIME.exec(line.trim());
  if (!match) return null;
  const [, year, month, day, hh, mm, ss, utc, rest] = match;
  const h = Number(hh);
  const m = Number(mm);
  const s = Number(ss ?? 0);
  if (!validTime(h, m, s)) return null;
  const text = rest ?? '';
  const nowDate = new Date(now);
  const make = (y: number, mo: number, d: number): number =>
    utc ? Date.UTC(y, mo, d, h, m, s) : new Date(y, mo, d, h, m, s).getTime();
  if (year !== undefined) {
    const at = make(Number(year), Number(month) - 1, Number(day));
    const check = new Date(at);
    const calendarDay = utc ? check.getUTCDate() : check.getDate();
    if (Number.isNaN(at) || calendarDay !== Number(day)) return null;
    return { text, at };
  }
  const y = utc ? nowDate.getUTCFullYear() : nowDate.getFullYear();
  const mo = utc ? nowDate.getUTCMonth() : nowDate.getMonth();
  const d = utc ? nowDate.getUTCDate() : nowDate.getDate();
  let at = make(y, mo, d);
  if (at > now + FUTURE_GRACE_MS) at = make(y, mo, d - 1);
  return { text, at };
}

/** Parses one line; a line whose leading time is not a real time (or has no text after it) stays a plain note. */
function parseLine(line: string, now: number): ParsedNote {
  const timed = parseLeadingTime(line, now);
  return timed && timed.text !== '' ? timed : { text: line };
}

/** Splits note input into notes, one per non-empty line, each with its real time if given. */
export function parseNoteInput(input: string, now: number = Date.now()): ParsedNote[] {
  return input
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => parseLine(line, now));
}

/** Whether a note is a post-mortem action item (`todo: ...`). */
export function isTodo(text: string): boolean {
  return /^todo\s*:/i.test(text.trim());
}

/** How many notes are on disk, and how many are held until the journal can be written. */
export interface NotesRecorded {
  added: number;
  held: number;
}

/**
 * Records each note of the input; timed ones as backfilled at their real time. A recorder that
 * returns null has not got the note on disk yet (held and retried): it is not counted added.
 */
export function recordNotes(
  recorder: { record(kind: 'note', data: Record<string, unknown>, options?: { at?: number; backfilled?: boolean }): unknown },
  input: string,
  now: number = Date.now(),
): NotesRecorded {
  const counts = { added: 0, held: 0 };
  for (const note of parseNoteInput(input, now)) {
    const data = { text: note.text, ...(isTodo(note.text) ? { todo: true } : {}) };
    const saved = recorder.record('note', data, note.at === undefined ? {} : { at: note.at, backfilled: true });
    if (saved === null) counts.held += 1;
    else counts.added += 1;
  }
  return counts;
}
