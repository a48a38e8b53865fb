// Drives fixtures/journal-console.ts: a separate process with an incident's journal open, as a
// running console has it, asked one command at a time.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const FIXTURE = fileURLToPath(new URL('./fixtures/journal-console.ts', import.meta.url));

/** One journal-holding process. */
export class JournalProcess {
  /** Callers waiting for a reply, in the order they asked (the process answers in order). */
  private readonly waiting: ((line: string) => void)[] = [];
  private stderr = '';

  private constructor(private readonly child: ChildProcessWithoutNullStreams) {
    createInterface({ input: child.stdout }).on('line', (line) => this.waiting.shift()?.(line));
    child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
  }

  /** Starts a process on incident `id` in `dir`, recording as `operator`. */
  static start(dir: string, id: string, operator: string): JournalProcess {
    return new JournalProcess(spawn(process.execPath, ['--import', 'tsx', FIXTURE, dir, id, operator], { stdio: ['pipe', 'pipe', 'pipe'] }));
  }

  /** Sends one command and returns its parsed reply. */
  async ask<T = unknown>(command: string, timeoutMs = 30_000): Promise<T> {
    return JSON.parse(await this.next(command, timeoutMs)) as T;
  }

  /** The texts of the notes the process knows of. */
  notes(): Promise<string[]> {
    return this.ask<string[]>('notes');
  }

  /** Asks the process to close its journal and waits for it to exit; one that does not is killed and reported. */
  async quit(timeoutMs = 20_000): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<boolean>((resolve) => this.child.once('exit', () => resolve(true)));
    this.child.stdin.write('quit\n');
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
    const ended = await Promise.race([exited, late]);
    clearTimeout(timer);
    if (ended) return;
    this.child.kill('SIGKILL');
    throw new Error(`the journal process did not exit within ${timeoutMs} ms of quit; stderr: ${this.stderr}`);
  }

  private next(command: string, timeoutMs: number): Promise<string> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no reply to "${command}" in ${timeoutMs} ms; stderr: ${this.stderr}`)), timeoutMs);
      this.waiting.push((line) => {
        clearTimeout(timer);
        resolve(line);
      });
      this.child.stdin.write(`${command}\n`);
    });
  }
}
