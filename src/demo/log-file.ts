// An append-only log file that rotates like logrotate's `create` mode (rename to .1, start a
// new file), so warroom's follower meets rotation in the demo as it will in production.
import { open, rename, type FileHandle } from 'node:fs/promises';

/** A log file written line by line, in order, rotated past a size. */
export class RotatingLogFile {
  private handle: Promise<FileHandle>;
  private pending: Promise<void> = Promise.resolve();
  private size = 0;
  private closed = false;
  /** The last write error, kept rather than thrown: a demo log must never crash the console. */
  lastError: Error | undefined;

  /** Opens (appends to) `path`; rotates once it passes `maxBytes`. */
  constructor(
    readonly path: string,
    private readonly maxBytes = 4 * 1024 * 1024,
  ) {
    this.handle = openForAppend(path);
  }

  /** Queues lines for writing; they reach the file in the order they were appended. */
  append(lines: string[]): void {
    if (this.closed || lines.length === 0) return;
    const text = lines.map((line) => `${line}\n`).join('');
    this.pending = this.pending.then(() => this.write(text)).catch((error: Error) => {
      this.lastError = error;
    });
  }

  private async write(text: string): Promise<void> {
    const handle = await this.handle;
    await handle.write(text);
    this.size += Buffer.byteLength(text);
    if (this.size >= this.maxBytes) {
      await handle.close();
      await rename(this.path, `${this.path}.1`);
      this.handle = openForAppend(this.path);
      this.size = 0;
    }
  }

  /** Writes what is queued, then closes the file. */
  async close(): Promise<void> {
    this.closed = true;
    await this.pending;
    await (await this.handle.catch(() => undefined))?.close().catch(() => undefined);
  }
}

// A failed open is reported by the next write (as lastError), not as an unhandled rejection.
function openForAppend(path: string): Promise<FileHandle> {
  const handle = open(path, 'a');
  handle.catch(() => undefined);
  return handle;
}
