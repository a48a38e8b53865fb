// The write side of a journal file: one O_APPEND write per batch of whole lines, then fdatasync,
// and a check of what the path holds now. Editors replace files by writing a temporary file and
// renaming it over the original (vim, `sed -i`), and a file can be deleted under a running
// console: an fd kept open would then keep appending to a file nobody can read any more.
import { closeSync, constants, fdatasyncSync, fstatSync, mkdirSync, openSync, readSync, statSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/** What the journal's path holds compared with the file this appender writes to. */
export type PathState = 'same' | 'replaced' | 'deleted';

/** A failed append: `code` is the system's (ENOSPC, EIO...) or SHORT for a partial write. */
export class AppendError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const NEWLINE = 0x0a;
const NEWLINE_BYTE = Buffer.from('\n');
/**
 * How long an unfinished last line must stay unchanged to count as torn. Another process's write
 * that spans two pages shows its first page before its last; on a loaded machine that writer can
 * be descheduled in between for milliseconds. Only a really torn tail (a crash) waits this long,
 * once; guessing wrong costs an empty line (readers skip it), never a merged or lost one.
 */
const SETTLE_MS = 20;
/** Something to Atomics.wait on: a short synchronous pause without spinning. */
const pause = new Int32Array(new SharedArrayBuffer(4));

/** Appends whole lines to one path durably, and says when the path stops being that file. */
export class JournalAppender {
  private fd = -1;
  private dev = 0;
  private ino = 0;
  /** After a failed fdatasync the kernel may have dropped the dirty pages: write through a new fd. */
  private suspect = false;

  /** Opens (creating it, and its folder, if missing) `path` for appending. */
  constructor(readonly path: string) {
    this.open();
  }

  /** Whether the path still names the file being appended to. */
  check(): PathState {
    const now = statSync(this.path, { throwIfNoEntry: false });
    if (!now) return 'deleted';
    return now.ino === this.ino && now.dev === this.dev ? 'same' : 'replaced';
  }

  /** Opens whatever the path names now (creating it if it was deleted); the old fd is closed. */
  reopen(): void {
    const previous = this.fd;
    this.open();
    if (previous >= 0) closeSync(previous);
    this.suspect = false;
  }

  /**
   * Writes `text` (one or more newline-terminated lines) with one write and flushes it. If the
   * file ends in the middle of a line (a writer that crashed, or a write cut short by a full
   * disk), the text starts on a new line so the torn one never merges with it. Throws
   * AppendError when the bytes may not be on disk; a partial write is left as a torn line.
   */
  append(text: string): void {
    let bytes = Buffer.from(text);
    try {
      if (this.suspect) this.reopen();
      if (!this.endsWithNewline()) bytes = Buffer.concat([NEWLINE_BYTE, bytes]);
      // One write is one run of whole lines for concurrent O_APPEND writers; a short write is not
      // finished by a second one, which another process's line could land before.
      const written = writeSync(this.fd, bytes, 0, bytes.length);
      if (written < bytes.length) throw new AppendError('SHORT', `short write (${written} of ${bytes.length} bytes; disk full?)`);
    } catch (error) {
      throw asAppendError(error);
    }
    try {
      // fdatasync: the data and the size that makes it readable, without an extra inode flush.
      fdatasyncSync(this.fd);
    } catch (error) {
      this.suspect = true;
      throw asAppendError(error);
    }
  }

  /** Closes the file. */
  close(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
  }

  private open(): void {
    mkdirSync(dirname(this.path), { recursive: true });
    // Read access too: the last byte tells whether the file ends mid-line.
    const fd = openSync(this.path, constants.O_RDWR | constants.O_APPEND | constants.O_CREAT, 0o600);
    const stat = fstatSync(fd);
    this.fd = fd;
    this.dev = stat.dev;
    this.ino = stat.ino;
  }

  /**
   * Whether the file ends with a whole line. Another process's write in progress shows its size
   * before its last bytes (the kernel grows the size page by page), so a line seen unfinished is
   * looked at again until the size has stayed put for a moment: only then is it torn.
   */
  private endsWithNewline(): boolean {
    let size = fstatSync(this.fd).size;
    let stableSince = performance.now();
    for (;;) {
      if (size === 0 || this.byteAt(size - 1) === NEWLINE) return true;
      if (performance.now() - stableSince >= SETTLE_MS) return false;
      Atomics.wait(pause, 0, 0, 0.25);
      const now = fstatSync(this.fd).size;
      if (now !== size) {
        size = now;
        stableSince = performance.now();
      }
    }
  }

  private byteAt(position: number): number | undefined {
    const byte = Buffer.alloc(1);
    return readSync(this.fd, byte, 0, 1, position) === 1 ? byte[0] : undefined;
  }
}

function asAppendError(error: unknown): AppendError {
  if (error instanceof AppendError) return error;
  const e = error as NodeJS.ErrnoException;
  return new AppendError(e.code ?? 'EIO', e.message);
}
