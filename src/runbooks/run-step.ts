// Runs one runbook command through the execution layer, exactly as the lead confirmed it. A
// placeholder's value is never pasted into the command: the placeholder becomes an expansion of a
// shell variable (`<service_name>` → `"${service_name}"`, `$API_TOKEN` stays as written) and the
// value goes to the shell as that variable (see ../exec/command-env.ts). So the text confirmed is
// the text the shell receives, a value can never be read as shell syntax, and a secret appears
// on screen and in the timeline only as its variable's name.
import { shellQuote } from '../exec/command-env.js';
import { rewriteAsExpansions, UnfillableSite } from '../exec/quote-context.js';
import { OutputTail } from '../exec/output-tail.js';
import type { Executor } from '../exec/types.js';
import { APPROVAL, neutralise } from '../text/neutralise.js';
import type { Redactor } from '../text/redact.js';
import type { Command } from './model.js';
import { fillPlaceholders, isSecretPlaceholder, placeholderSites, placeholderVariable } from './placeholders.js';

/** One value handed to the command, as the confirmation names it. */
export interface PreparedValue {
  variable: string;
  placeholder: string;
  /** The value as a quoted shell word with controls made visible, or null for a secret (never shown). */
  shown: string | null;
}

/** A command ready to run, and how it is shown and recorded. */
export interface PreparedCommand {
  /** The exact text the shell receives. */
  run: string;
  host?: string;
  /** Values of the variables `run` expands, handed over as data. */
  env: Record<string, string>;
  /** `run` as shown and recorded: control characters made visible (no value is ever in it). */
  shown: string;
  values: PreparedValue[];
  /** The command with the values pasted in as text: only ever parsed, to see what it would do (never run or shown). */
  meaning: string;
  /** Placeholders still without a value (the caller asks for them first). */
  missing: string[];
  /** Values of secret-looking placeholders: masked in the output, should the command echo them. */
  secrets: string[];
  /** Why it cannot run as written (a value the shell could not fill in, a host value that is not a host name). */
  problem?: string;
}

/** What ssh accepts as a destination (the value of a placeholder in `ssh <host> "…"`). */
const HOST_NAME = /^[A-Za-z0-9_][A-Za-z0-9._@-]*$/;

/** Binds a command's placeholders to variables holding the given values. */
export function prepareCommand(command: Command, values: Readonly<Record<string, string>>): PreparedCommand {
  const missing = command.placeholders.filter((p) => values[p] === undefined);
  const inRun = command.placeholders.filter((p) => values[p] !== undefined && command.run.includes(p));
  const env: Record<string, string> = {};
  const shownValues: PreparedValue[] = [];
  const secrets: string[] = [];
  for (const placeholder of inRun) {
    const variable = placeholderVariable(placeholder);
    const value = values[placeholder]!;
    const secret = isSecretPlaceholder(placeholder) && value !== '';
    env[variable] = value;
    if (secret) secrets.push(value);
    if (!shownValues.some((v) => v.variable === variable)) shownValues.push({ variable, placeholder, shown: secret ? null : neutralise(shellQuote(value), APPROVAL) });
  }
  let run = command.run;
  let problem: string | undefined;
  try {
    run = rewriteAsExpansions(command.run, placeholderSites(command.run, inRun));
  } catch (error) {
    if (!(error instanceof UnfillableSite)) throw error;
    problem = error.message;
  }
  const prepared: PreparedCommand = {
    run,
    env,
    shown: neutralise(run, APPROVAL),
    values: shownValues,
    meaning: fillPlaceholders(command.run, values),
    missing,
    secrets,
  };
  if (command.host !== undefined) {
    // A host is a name, not shell text: filled in, and refused unless it reads as a host name.
    prepared.host = fillPlaceholders(command.host, values);
    if (!HOST_NAME.test(prepared.host)) problem ??= `the host ${JSON.stringify(neutralise(prepared.host, APPROVAL))} is not a host name`;
  }
  if (problem !== undefined) prepared.problem = problem;
  return prepared;
}

/** The command as the timeline records it: the exact text, then the values that are not secret. */
export function recordedCommand(prepared: PreparedCommand): string {
  const values = prepared.values.filter((v) => v.shown !== null).map((v) => `${v.variable}=${v.shown}`);
  return values.length > 0 ? `${prepared.shown}  (${values.join(' ')})` : prepared.shown;
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
  output: OutputTail;
  /** The last 20 output lines, as recorded on the timeline. */
  tail: string[];
}

/** Options for running a step's command. */
export interface RunStepOptions {
  /** Each output line as it arrives (already neutralised and redacted), and the tail keeping it. */
  onLine?: (line: string, output: OutputTail) => void;
  signal?: AbortSignal;
  /** @default 120000 */
  timeoutMs?: number;
  /** Lines of output kept. @default 2000 */
  bufferLines?: number;
  /** Masks secrets in each output line (the console's redactor). */
  redactor?: Redactor;
}

/** Runs a prepared command to completion; never rejects (a failure to start is an outcome with `error`). */
export async function runPreparedCommand(executor: Executor, prepared: PreparedCommand, options: RunStepOptions = {}): Promise<StepRunOutcome> {
  // Output arrives line by line: a secret spanning lines is masked line by line too.
  const secrets = prepared.secrets.flatMap((s) => (s.includes('\n') ? [s, ...s.split('\n').filter((part) => part.trim().length >= 4)] : [s]));
  const output = new OutputTail({ maxLines: options.bufferLines ?? 2000, clean: { secrets, ...(options.redactor ? { redactor: options.redactor } : {}) } });
  let streamed = false;
  const started = Date.now();
  const base = { shown: prepared.shown, ...(prepared.host !== undefined ? { host: prepared.host } : {}) };
  try {
    const result = await executor.run(prepared.run, {
      ...(prepared.host !== undefined ? { host: prepared.host } : {}),
      ...(Object.keys(prepared.env).length > 0 ? { env: prepared.env } : {}),
      timeoutMs: options.timeoutMs ?? 120_000,
      ...(options.signal ? { signal: options.signal } : {}),
      onLine: (line) => {
        streamed = true;
        options.onLine?.(output.push(line), output);
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
      tail: output.last(20),
    };
    if (result.error) outcome.error = result.error;
    return outcome;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    output.push(message);
    return { ...base, exitCode: null, durationMs: Date.now() - started, timedOut: false, cancelled: false, error: message, output, tail: output.last(20) };
  }
}
