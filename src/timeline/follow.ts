// Following a journal that other processes append to: fs.watch for promptness plus a size poll
// (watch events are lost on some filesystems and coalesced on others), reading complete lines
// from the last offset only.
import { closeSync, fstatSync, openSync, readSync, watch, type FSWatcher } from 'node:fs';
import { parseLines, type ParsedLines } from './journal-file.js';

/** Largest chunk read per pass, so a huge backlog does not stall the event loop in one go. */
const CHUNK_BYTES = 4 * 1024 * 1024;

/** Tails a journal file from a byte offset and hands over each batch of new complete lines. */
export class JournalFollower {
  private readonly fd: number;
  private offset: number;
  private pending: Buffer = Buffer.alloc(0);
  private readonly timer: NodeJS.Timeout;
  private watcher: FSWatcher | null = null;
  private closed = false;

  /** Starts following `path` from `offset`; `onLines` receives what each pass read. */
  constructor(
    path: string,
    offset: number,
    private readonly onLines: (parsed: ParsedLines) => void,
    pollMs = 300,
  ) {
    this.fd = openSync(path, 'r');
    this.offset = offset;
    this.timer = setInterval(() => this.poll(), pollMs);
    this.timer.unref();
    try {
      this.watcher = watch(path, { persistent: false }, () => this.poll());
      this.watcher.on('error', () => this.watcher?.close());
    } catch {
      // Polling alone still meets the one-second target.
      this.watcher = null;
    }
  }

  /** Reads whatever was appended since the last pass. Safe to call any time. */
  poll(): void {
    if (this.closed) return;
    const size = fstatSync(this.fd).size;
    if (size < this.offset + this.pending.length) {
      // Truncated (a torn tail was cut by another process): continue from the new end.
      this.offset = size;
      this.pending = Buffer.alloc(0);
      return;
    }
    let readFrom = this.offset + this.pending.length;
    while (readFrom < size) {
      const length = Math.min(CHUNK_BYTES, size - readFrom);
      const chunk = Buffer.alloc(length);
      const got = readSync(this.fd, chunk, 0, length, readFrom);
      if (got <= 0) break;
      readFrom += got;
      const data = this.pending.length > 0 ? Buffer.concat([this.pending, chunk.subarray(0, got)]) : chunk.subarray(0, got);
      const end = data.lastIndexOf(0x0a) + 1;
      this.pending = Buffer.from(data.subarray(end));
      if (end > 0) {
        const parsed = parseLines(data.subarray(0, end), this.offset);
        this.offset += end;
        if (parsed.events.length > 0 || parsed.bad.length > 0) this.onLines(parsed);
      }
    }
  }

  /** Stops watching and closes the file. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.timer);
    this.watcher?.close();
    closeSync(this.fd);
  }
}
