// Reading a journal file from disk: whole-file loads (with torn-tail recovery) and incremental
// chunks for following. A crash can leave the last line torn; it is moved aside to
// `journal.jsonl.corrupt` with its byte offset and reported, never dropped silently.
import { appendFileSync, closeSync, fstatSync, fsyncSync, ftruncateSync, openSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { decodeEvent, type TimelineEvent } from './event.js';
import { withStreamOrder } from './journal-sync.js';

/** What a journal file held when it was read. */
export interface LoadedJournal {
  events: TimelineEvent[];
  /** Byte length of the good part (following continues from here). */
  size: number;
  /** Plain messages about torn or unreadable lines, for the user. */
  warnings: string[];
}

/** Events parsed from a run of complete lines, and the lines that were not events. */
export interface ParsedLines {
  events: TimelineEvent[];
  bad: { offset: number; text: string }[];
}

const NEWLINE = 0x0a;

/** Parses complete newline-terminated lines; `baseOffset` is the chunk's byte offset in the file. */
export function parseLines(chunk: Buffer, baseOffset: number): ParsedLines {
  const events: TimelineEvent[] = [];
  const bad: ParsedLines['bad'] = [];
  // One decode and split for the whole chunk (decoding line by line doubles a large reopen).
  const text = chunk.toString('utf8');
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (end > start) {
      const line = text.slice(start, end);
      const event = decodeEvent(line);
      if (event) events.push(event);
      else if (line.trim() !== '') bad.push({ offset: baseOffset + Buffer.byteLength(text.slice(0, start)), text: line });
    }
    start = end + 1;
  }
  return { events, bad };
}

/**
 * Keeps the first line of each event id. The same event can be on disk twice: written again
 * after a failed fdatasync (the first copy may have reached the disk after all), or carried into
 * a replaced journal by two consoles at once.
 */
export function uniqueById(events: TimelineEvent[]): TimelineEvent[] {
  const seen = new Set<string>();
  let duplicates = false;
  for (const event of events) {
    if (seen.has(event.id)) duplicates = true;
    seen.add(event.id);
  }
  if (!duplicates) return events;
  seen.clear();
  return events.filter((event) => !seen.has(event.id) && seen.add(event.id) !== undefined);
}

/** Appends a fragment to the quarantine file beside the journal, with where it came from. */
function quarantine(path: string, offset: number, fragment: Buffer, why: string): void {
  const header = `# ${new Date().toISOString()} ${why}: ${fragment.length} bytes at byte offset ${offset} of ${basename(path)}\n`;
  appendFileSync(`${path}.corrupt`, Buffer.concat([Buffer.from(header), fragment, Buffer.from('\n')]));
}

/**
 * Loads a journal. With `repair`, a torn or unparsable last line is quarantined and the file is
 * truncated back to the last good newline (only if nobody appended meanwhile); without it (listing,
 * exporting) the file is left untouched and the tail is only reported.
 */
export function readJournal(path: string, repair: boolean): LoadedJournal {
  const content = readFileSync(path);
  const warnings: string[] = [];
  let good = content.length;
  const lastNewline = content.lastIndexOf(NEWLINE);
  if (lastNewline < content.length - 1) good = lastNewline + 1;
  else if (content.length > 0) {
    // Complete last line that is still not an event (a torn write padded by the filesystem).
    const previous = content.lastIndexOf(NEWLINE, content.length - 2);
    const line = content.toString('utf8', previous + 1, content.length - 1);
    if (line.trim() !== '' && decodeEvent(line) === null) good = previous + 1;
  }
  const { events: lines, bad } = parseLines(content.subarray(0, good), 0);
  const events = withStreamOrder(uniqueById(lines));
  for (const line of bad) {
    warnings.push(`${basename(path)}: unreadable line at byte ${line.offset} skipped (${line.text.length} characters)`);
  }
  if (good < content.length) {
    const fragment = content.subarray(good);
    if (repair) {
      // Copied aside before cutting, so a crash in between loses nothing; a disk too full for
      // the copy leaves it in place (appenders start on a new line after it).
      const copied = tryQuarantine(path, good, fragment);
      const cut = copied === null && truncateIfUnchanged(path, content.length, good);
      warnings.push(
        `${basename(path)}: torn last line (${fragment.length} bytes at byte ${good}) ` +
          (copied !== null
            ? `left in place (could not copy it to ${basename(path)}.corrupt: ${copied})`
            : cut
              ? `moved to ${basename(path)}.corrupt`
              : `copied to ${basename(path)}.corrupt (left in place: another process is appending)`),
      );
    } else {
      warnings.push(`${basename(path)}: torn last line (${fragment.length} bytes at byte ${good}) ignored`);
    }
  }
  return { events, size: good, warnings };
}

/** quarantine(), or the error code when it cannot be written. */
function tryQuarantine(path: string, offset: number, fragment: Buffer): string | null {
  try {
    quarantine(path, offset, fragment, 'torn tail');
    return null;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
  }
}

/** Cuts the file to `length`, unless another process has appended since it was read. */
function truncateIfUnchanged(path: string, expected: number, length: number): boolean {
  const fd = openSync(path, 'r+');
  try {
    if (fstatSync(fd).size !== expected) return false;
    ftruncateSync(fd, length);
    fsyncSync(fd);
    return true;
  } finally {
    closeSync(fd);
  }
}
