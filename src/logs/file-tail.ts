// Follows a local file the way `tail -F` does: the last N lines first, then what is appended;
// a rename (new inode at the path) drains the old file and switches to the new one; a size
// below the read position (copytruncate) starts again from 0; a missing file is waited for.
// fs.watch on the folder gives low latency where it works; a poll (stat every ~250 ms) is the
// fallback that always runs, because fs.watch misses events on some filesystems (NFS, overlay).
import { watch, type FSWatcher, type Stats } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type { LineReceiver, LogSource } from './source.js';

/** Options of a followed file. */
export interface FileTailOptions {
  path: string;
  /** Lines of history to start from. @default 100 */
  lines?: number;
  /** Poll interval, ms. @default 250 */
  pollMs?: number;
}

const READ_SIZE = 64 * 1024;

/** Follows one local file like `tail -F`. */
export class FileTail implements LogSource {
  private handle: FileHandle | null = null;
  private ino = -1;
  private position = 0;
  private watcher: FSWatcher | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private checking = false;
  private again = false;
  /** Whether every request made during the running check was for a read alone (see check). */
  private againReadOnly = true;
  private waitingNoted = false;
  /** The last error reported, so a failing poll does not repeat it four times a second. */
  private lastError = '';
  private readonly buffer = Buffer.allocUnsafe(READ_SIZE);
  private readonly lines: number;
  private readonly pollMs: number;

  constructor(
    private readonly options: FileTailOptions,
    private readonly receiver: LineReceiver,
  ) {
    this.lines = options.lines ?? 100;
    this.pollMs = options.pollMs ?? 250;
  }

  /** Starts following (history first). */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.receiver.state('starting');
    try {
      this.watcher = watch(dirname(this.options.path), { persistent: false }, (event, name) => {
        // An append ('change') only needs a read: a rename is a 'rename' event, and a file
        // truncated in place is found by the poll's stat. At 20 appends a second to each of five
        // files, a stat per append was a tenth of the console's time on the B6 fixture.
        if (name === null || name === basename(this.options.path)) this.check(false, event === 'change');
      });
      this.watcher.on('error', () => this.closeWatcher());
    } catch {
      this.watcher = null; // folder missing or not watchable: the poll covers it
    }
    this.timer = setInterval(() => this.check(), this.pollMs);
    this.timer.unref?.();
    this.check(true);
  }

  /** Stops following and closes the file. */
  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.closeWatcher();
    while (this.checking) await new Promise((resolve) => setTimeout(resolve, 5));
    await this.closeFile();
    this.receiver.state('stopped');
  }

  private closeWatcher(): void {
    this.watcher?.close();
    this.watcher = null;
  }

  private async closeFile(): Promise<void> {
    const handle = this.handle;
    this.handle = null;
    if (handle) await handle.close().catch(() => undefined);
  }

  // One check at a time; a request during a check runs once more after it. `readOnly`: the file
  // grew (an fs.watch 'change'), so reading on from the position is enough once it is open.
  private check(first = false, readOnly = false): void {
    if (!this.running) return;
    if (this.checking) {
      this.again = true;
      this.againReadOnly &&= readOnly;
      return;
    }
    this.checking = true;
    (readOnly && this.handle !== null ? this.readToEnd() : this.follow(first))
      .catch((err: unknown) => {
        const message = `${this.options.path}: ${(err as Error).message}`;
        if (message !== this.lastError) this.receiver.error(message);
        this.lastError = message;
      })
      .finally(() => {
        this.checking = false;
        if (this.again) {
          const readOnly = this.againReadOnly;
          this.again = false;
          this.againReadOnly = true;
          this.check(false, readOnly);
        }
      });
  }

  private async follow(first: boolean): Promise<void> {
    const info = await stat(this.options.path).catch(() => null);
    // Only a regular file is followed: /dev/zero would be read forever at full speed, opening a
    // FIFO with no writer holds one of libuv's four file threads until one comes (stalling every
    // other file read and DNS lookup), and a directory cannot be read at all.
    if (info !== null && !info.isFile()) {
      await this.closeFile();
      this.ino = -1;
      throw new Error(`${notAFile(info)}, not a file warroom can follow like tail -F; for a pipe or device use \`command: cat PATH\``);
    }
    if (this.handle === null) {
      if (info === null) {
        if (!this.waitingNoted) {
          this.waitingNoted = true;
          this.receiver.state('waiting', `waiting for ${this.options.path}`);
        }
        return;
      }
      await this.openAt(info.ino, first ? await this.historyStart(info.size) : 0);
    } else if (info !== null && info.ino !== this.ino) {
      // Renamed away and replaced: finish the old file, then read the new one from its start.
      await this.readToEnd();
      this.receiver.restartBytes();
      await this.closeFile();
      await this.openAt(info.ino, 0);
    } else if (info !== null && info.size < this.position) {
      this.receiver.restartBytes();
      this.position = 0;
    }
    await this.readToEnd();
  }

  private async openAt(ino: number, position: number): Promise<void> {
    this.handle = await open(this.options.path, 'r');
    this.ino = ino;
    this.position = position;
    this.waitingNoted = false;
    this.receiver.state('following');
  }

  private async readToEnd(): Promise<void> {
    const handle = this.handle;
    if (handle === null) return;
    for (;;) {
      const { bytesRead } = await handle.read(this.buffer, 0, READ_SIZE, this.position);
      this.lastError = '';
      if (bytesRead === 0) return;
      this.position += bytesRead;
      this.receiver.bytes(this.buffer.subarray(0, bytesRead));
      // A short read is the end of the file as it was: what is appended later is another event
      // (or the poll), so no second read just to be told 0 bytes.
      if (!this.running || bytesRead < READ_SIZE) return;
    }
  }

  // Where the last `lines` complete lines start: read backwards a block at a time, counting
  // newlines, so a huge file costs only its tail.
  private async historyStart(size: number): Promise<number> {
    if (this.lines <= 0 || size === 0) return size;
    const handle = await open(this.options.path, 'r');
    try {
      let end = size;
      let newlines = 0;
      // A final newline ends the last line; it does not start a new one.
      const last = Buffer.alloc(1);
      await handle.read(last, 0, 1, size - 1);
      const wanted = last[0] === 10 ? this.lines + 1 : this.lines;
      while (end > 0) {
        const start = Math.max(0, end - READ_SIZE);
        const block = Buffer.allocUnsafe(end - start);
        await handle.read(block, 0, block.length, start);
        for (let i = block.length - 1; i >= 0; i--) {
          if (block[i] === 10 && ++newlines === wanted) return start + i + 1;
        }
        end = start;
      }
      return 0;
    } finally {
      await handle.close();
    }
  }
}

/** What a path that is not a regular file is instead. */
function notAFile(info: Stats): string {
  if (info.isDirectory()) return 'a directory';
  if (info.isFIFO()) return 'a named pipe';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  if (info.isSocket()) return 'a socket';
  return 'not a regular file';
}
