// Parses runbooks on a worker thread with a time budget. Markdown parsing (micromark) is fast on
// the runbooks people write but slow on some shapes: 50 KB of nested quotes or 200 KB of `[a](`
// take tens of seconds, and a parse on the console's own thread freezes every key meanwhile. The
// worker is started on the first parse and kept for the next ones; a parse past its budget is
// ended by terminating the worker, which the next parse starts afresh.
import { basename } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Runbook } from './model.js';
import type { ParseReply, ParseRequest } from './parse-worker.js';
import { assembleRunbook } from './runbook-pieces.js';

/** A runbook the parser gave up on, with a message for the operator. */
export class RunbookParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RunbookParseError';
  }
}

/**
 * The worker's entry file: next to this module in tsc's output (dist/src/runbooks), next to the
 * chunk holding this code in the bundle (scripts/bundle.mjs builds `parse-worker.js` as an entry
 * of its own for that), or the TypeScript source under tsx, whose loader the worker inherits
 * through the process's execArgv.
 */
export function workerEntry(moduleUrl: string = import.meta.url): URL {
  return new URL(moduleUrl.endsWith('.ts') ? './parse-worker.ts' : './parse-worker.js', moduleUrl);
}

/**
 * The parser's thread: none of the process's own flags (`--input-type` would stop it loading), and
 * a heap of its own with a ceiling, so a hostile file ends in "out of memory" for the parse, not
 * for the console.
 */
const WORKER_HEAP_MB = 768;
const workerOptions = (heapMb: number) => ({ execArgv: [], resourceLimits: { maxOldGenerationSizeMb: heapMb } });

/**
 * From TypeScript sources (tests, benchmarks) the worker registers tsx's loader before importing
 * its entry: a worker does not get the hooks `--import tsx` put on the main thread (tsx#354).
 */
function tsxWorker(entry: URL, heapMb: number): Worker {
  const api = import.meta.resolve('tsx/esm/api');
  return new Worker(`import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); });`, { ...workerOptions(heapMb), eval: true });
}

interface Pending {
  /** What is being parsed, for the message when the worker fails under it. */
  about: string;
  resolve: (runbook: Runbook) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/** How long a new worker may take to load the parser (its first start on a busy machine, from TypeScript sources under tsx). */
const STARTUP_MS = 60_000;

/** One worker thread parsing one runbook at a time; requests queue. */
export class RunbookParser {
  private worker: { thread: Worker; ready: Promise<void> } | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private queue: Promise<unknown> = Promise.resolve();

  /** `heapMb`: the parser's heap ceiling (lowered by tests to reach it quickly). */
  constructor(
    private readonly entry: URL = workerEntry(),
    private readonly heapMb = WORKER_HEAP_MB,
  ) {}

  /** Parses `source` on the worker; rejects with a RunbookParseError past `budgetMs` (counted once the parser has loaded) or when the worker fails. */
  parse(source: string, file: string, budgetMs: number): Promise<Runbook> {
    const run = this.queue.then(() => this.send(source, file, budgetMs));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Ends the worker (and fails what is waiting). */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.failAll('the runbook parser was closed');
    await worker?.thread.terminate();
  }

  private start(): { thread: Worker; ready: Promise<void> } {
    if (this.worker) return this.worker;
    const thread = this.entry.pathname.endsWith('.ts') ? tsxWorker(this.entry, this.heapMb) : new Worker(this.entry, workerOptions(this.heapMb));
    let loaded: () => void = () => undefined;
    let failed: (error: Error) => void = () => undefined;
    const ready = new Promise<void>((resolve, reject) => {
      loaded = resolve;
      failed = reject;
    });
    const startup = setTimeout(() => failed(new RunbookParseError(`the runbook parser did not start within ${formatSeconds(STARTUP_MS)}`)), STARTUP_MS);
    const stop = (message: string) => {
      clearTimeout(startup);
      failed(new RunbookParseError(message));
      this.stopWorker(thread, message);
    };
    thread.on('message', (reply: ParseReply) => {
      if ('ready' in reply) {
        clearTimeout(startup);
        loaded();
      } else this.settle(reply);
    });
    thread.on('error', (error) => stop(outOfMemory(error) ? `needs more memory to parse than warroom gives its parser (${this.heapMb} MB): split or simplify it (very large tables cost the most)` : `the runbook parser failed: ${error.message}`));
    thread.on('exit', (code) => stop(`the runbook parser stopped (exit code ${code})`));
    ready.catch(() => undefined);
    this.worker = { thread, ready };
    return this.worker;
  }

  private async send(source: string, file: string, budgetMs: number): Promise<Runbook> {
    let worker: { thread: Worker; ready: Promise<void> };
    try {
      worker = this.start();
      // While a parse is pending the worker keeps the process alive, so the answer arrives;
      // idle, it must not keep a finished command (`warroom runbook FILE`) running.
      worker.thread.ref();
      await worker.ready;
    } catch (error) {
      this.worker?.thread.unref();
      throw error instanceof RunbookParseError ? error : new RunbookParseError(`cannot start the runbook parser: ${(error as Error).message}`);
    }
    return new Promise<Runbook>((resolve, reject) => {
      const id = this.nextId++;
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new RunbookParseError(`${basename(file)} (${formatSize(Buffer.byteLength(source))}) not parsed within ${formatSeconds(budgetMs)}: it is too large, or shaped in a way the Markdown parser is slow on (deeply nested quotes or lists, thousands of open links). Split or simplify it.`));
        void this.restart(worker.thread);
      }, budgetMs);
      this.pending.set(id, { about: `${basename(file)} (${formatSize(Buffer.byteLength(source))})`, resolve, reject, timer });
      worker.thread.postMessage({ id, source, file } satisfies ParseRequest);
    });
  }

  private settle(reply: Exclude<ParseReply, { ready: true }>): void {
    const pending = this.pending.get(reply.id);
    if (!pending) return;
    this.pending.delete(reply.id);
    clearTimeout(pending.timer);
    if (this.pending.size === 0) this.worker?.thread.unref();
    if ('pieces' in reply) assembleRunbook(reply.pieces).then(pending.resolve, (error: Error) => pending.reject(new RunbookParseError(`could not read the parsed runbook: ${error.message}`)));
    else pending.reject(new RunbookParseError(`${pending.about} not parsed: ${reply.error}`));
  }

  /** A parse past its budget cannot be interrupted inside the worker: the worker goes. */
  private async restart(thread: Worker): Promise<void> {
    if (this.worker?.thread === thread) this.worker = null;
    await thread.terminate();
  }

  private stopWorker(thread: Worker, message: string): void {
    // A worker ended for running past its budget is no longer ours: the next parse has a new one.
    if (this.worker?.thread !== thread) return;
    this.worker = null;
    this.failAll(message);
  }

  private failAll(message: string): void {
    for (const [id, pending] of this.pending) {
      clearTimeout(pending.timer);
      pending.reject(new RunbookParseError(`${pending.about} not parsed: ${message}`));
      this.pending.delete(id);
    }
  }
}

/** Whether a worker ended for running out of its heap. */
function outOfMemory(error: Error): boolean {
  return (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY';
}

/** "1.5 MB", "48 KB". */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
}
