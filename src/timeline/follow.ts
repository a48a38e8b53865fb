// Following a journal that other processes append to: fs.watch for promptness plus a periodic
// tick (watch events are lost on some filesystems and coalesced on others), reading complete
// lines from the last offset only. The owner decides what a tick does (check that the path is
// still the same file, then poll), and can move the follower onto a new file.
import { closeSync, fstatSync, openSync, readSync, watch, type FSWatcher } from 'node:fs';
import { parseLines, type ParsedLines } from './journal-file.js';

/** Largest chunk read per pass, so a huge backlog does not stall the event loop in one go. */
const CHUNK_BYTES = 4 * 1024 * 1024;

/** What a follower tells its owner. */
export interface FollowerHandlers {
  /** Each run of new complete lines, in file order (this process's own lines included). */
  onLines: (parsed: ParsedLines) => void;
  /** The file became shorter than what was already read: rewritten in place by something else. */
  onShrunk: () => void;
  /** What a timer or watch event does; @default poll() */
  onTick?: () => void;
}

/** Tails a journal file from a byte offset and hands over each batch of new complete lines. */
export class JournalFollower {
  private fd: number;
  private offset: number;
  private pending: Buffer = Buffer.alloc(0);
  private readonly timer: NodeJS.Timeout;
  private watcher: FSWatcher | null = null;
  private closed = false;

  /** Starts following `path` from `offset`. */
  constructor(
    private readonly path: string,
    offset: number,
    private readonly handlers: FollowerHandlers,
    pollMs = 300,
  ) {
    this.fd = openSync(path, 'r');
    this.offset = offset;
    this.timer = setInterval(() => this.tick(), pollMs);
    this.timer.unref();
    this.watch();
  }

  /** Reads whatever was appended since the last pass. Safe to call any time. */
  poll(): void {
    if (this.closed) return;
    const size = fstatSync(this.fd).size;
    if (size < this.offset) return this.handlers.onShrunk();
    if (size < this.offset + this.pending.length) {
      // A torn tail was cut back to the last whole line (a console resuming the incident).
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
        if (parsed.events.length > 0 || parsed.bad.length > 0) this.handlers.onLines(parsed);
      }
    }
  }

  /** Follows whatever the path names now, from `offset` (the file was replaced or recreated). */
  reopen(offset: number): void {
    if (this.closed) return;
    const fd = openSync(this.path, 'r');
    closeSync(this.fd);
    this.fd = fd;
    this.offset = offset;
    this.pending = Buffer.alloc(0);
    // A watch is on the inode, not the name: the new file needs its own.
    this.watcher?.close();
    this.watch();
  }

  /** Stops watching and closes the file. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.timer);
    this.watcher?.close();
    closeSync(this.fd);
  }

  private tick(): void {
    if (this.closed) return;
    if (this.handlers.onTick) this.handlers.onTick();
    else this.poll();
  }

  private watch(): void {
    try {
      this.watcher = watch(this.path, { persistent: false }, () => this.tick());
      this.watcher.on('error', () => this.watcher?.close());
    } catch {
      // The periodic tick alone still meets the one-second target.
      this.watcher = null;
    }
  }
}
