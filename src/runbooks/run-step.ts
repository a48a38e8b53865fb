// Runs one runbook command through the execution layer, exactly as the lead confirmed it:
// placeholders filled, on the host it names. Secret-looking placeholder values are masked in what
// is shown and recorded; the real value only goes to the executor.
import type { Executor } from '../exec/types.js';
import type { Command } from './model.js';
import { OutputBuffer } from './output-buffer.js';
import { fillPlaceholders, isSecretPlaceholder } from './placeholders.js';

/** A command ready to run, and how it is shown and recorded. */
export interface PreparedCommand {
  run: string;
  host?: string;
  /** `run` with secret placeholder values replaced by `***`. */
  shown: string;
  /** Placeholders still without a value (the caller asks for them first). */
  missing: string[];
  /** Values of secret-looking placeholders: masked in the output too, should the command echo them. */
  secrets: string[];
}

/** Fills a command's placeholders with the given values. */
export function prepareCommand(command: Command, values: Readonly<Record<string, string>>): PreparedCommand {
  const masked: Record<string, string> = {};
  const secrets: string[] = [];
  for (const [key, value] of Object.entries(values)) {
    const secret = isSecretPlaceholder(key) && value !== '';
    masked[key] = secret ? '***' : value;
    if (secret) secrets.push(value);
  }
  const prepared: PreparedCommand = {
    run: fillPlaceholders(command.run, values),
    shown: fillPlaceholders(command.run, masked),
    missing: command.placeholders.filter((p) => values[p] === undefined),
    secrets,
  };
  if (command.host !== undefined) prepared.host = fillPlaceholders(command.host, values);
  return prepared;
}

/** What running a command left, for the output view and the timeline. */
export interface StepRunOutcome {
  shown: string;
  host?: string;
  exitCode: number | null;
  durationMs: number;
  timedOut: boolean;
  cancelled: boolean;
  error?: string;
  output: OutputBuffer;
  /** The last 20 output lines, as recorded on the timeline. */
  tail: string[];
}

/** Options for running a step's command. */
export interface RunStepOptions {
  /** Each output line as it arrives (already neutralised). */
  onLine?: (line: string) => void;
  signal?: AbortSignal;
  /** @default 120000 */
  timeoutMs?: number;
  /** Lines of output kept. @default 2000 */
  bufferLines?: number;
}

/** Runs a prepared command to completion; never rejects (a failure to start is an outcome with `error`). */
export async function runPreparedCommand(executor: Executor, prepared: PreparedCommand, options: RunStepOptions = {}): Promise<StepRunOutcome> {
  const output = new OutputBuffer(options.bufferLines ?? 2000, prepared.secrets);
  let streamed = false;
  const started = Date.now();
  const base = { shown: prepared.shown, ...(prepared.host !== undefined ? { host: prepared.host } : {}) };
  try {
    const result = await executor.run(prepared.run, {
      ...(prepared.host !== undefined ? { host: prepared.host } : {}),
      timeoutMs: options.timeoutMs ?? 120_000,
      ...(options.signal ? { signal: options.signal } : {}),
      onLine: (line) => {
        streamed = true;
        output.push(line);
        options.onLine?.(output.tail(1)[0] ?? '');
      },
    });
    if (!streamed) {
      // An executor that only returns the output at the end still fills the view.
      for (const line of `${result.stdout}${result.stderr}`.split('\n')) if (line !== '') output.push(line);
    }
    if (result.error) output.push(result.error);
    const outcome: StepRunOutcome = {
      ...base,
      exitCode: result.exitCode,
      durationMs: result.durationMs,
      timedOut: result.timedOut,
      cancelled: result.cancelled,
      output,
      tail: output.tail(20),
    };
    if (result.error) outcome.error = result.error;
    return outcome;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    output.push(message);
    return { ...base, exitCode: null, durationMs: Date.now() - started, timedOut: false, cancelled: false, error: message, output, tail: output.tail(20) };
  }
}
