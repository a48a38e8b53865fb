// What one run to completion collects, locally or over SSH: bounded stdout/stderr, live lines for
// `onLine`, and the RunResult built from them. One place, so both runners report alike.
import { DEFAULT_MAX_OUTPUT_BYTES } from './command-line.js';
import type { LineSplitter } from '../text/line-splitter.js';
import { BoundedOutput, commandLineSplitter } from './output-buffer.js';
import type { RunOptions, RunResult } from './types.js';

/** Output of one run and the result built from it. */
export class RunOutput {
  private readonly started = performance.now();
  private readonly out: Record<'stdout' | 'stderr', BoundedOutput>;
  private readonly splitters?: Record<'stdout' | 'stderr', LineSplitter>;

  constructor(options: RunOptions) {
    const maxBytes = options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES;
    this.out = { stdout: new BoundedOutput(maxBytes), stderr: new BoundedOutput(maxBytes) };
    const onLine = options.onLine;
    if (onLine) {
      this.splitters = {
        stdout: commandLineSplitter((line) => onLine(line, 'stdout')),
        stderr: commandLineSplitter((line) => onLine(line, 'stderr')),
      };
    }
  }

  /** Takes a chunk of output as it arrives. */
  push(chunk: Buffer, stream: 'stdout' | 'stderr'): void {
    this.out[stream].push(chunk);
    this.splitters?.[stream].push(chunk);
  }

  /** Hands a last line without a newline to `onLine`. */
  flush(): void {
    this.splitters?.stdout.flush();
    this.splitters?.stderr.flush();
  }

  /** The result so far, with `fields` over the defaults. */
  result(fields: Partial<RunResult>): RunResult {
    return {
      exitCode: null,
      signal: null,
      stdout: this.out.stdout.text(),
      stderr: this.out.stderr.text(),
      durationMs: performance.now() - this.started,
      timedOut: false,
      cancelled: false,
      droppedBytes: this.out.stdout.droppedBytes + this.out.stderr.droppedBytes,
      ...fields,
    };
  }
}
