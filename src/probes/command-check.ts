// `command:` checks: exit code 0 is UP, run locally or on a host through the execution layer
// (nothing here spawns processes or opens SSH connections itself).
import type { CommandCheckConfig } from '../config/types.js';
import type { Executor } from '../exec/types.js';
import { bodyExcerpt } from './body-excerpt.js';
import { timeoutReason } from './reasons.js';
import { SingleRowCheck } from './single-row-check.js';
import type { ProbeResult } from './types.js';

/** Output kept from a check command: enough for the details view, no more. */
const OUTPUT_LIMIT = 16 * 1024;

/** Runs a command; a host that cannot be reached is UNKNOWN, a non-zero exit DOWN. */
export class CommandCheck extends SingleRowCheck<CommandCheckConfig> {
  /** @param order position in the config, for config-order sorting. */
  constructor(
    config: CommandCheckConfig,
    private readonly executor: Executor,
    order = 0,
  ) {
    super(config, order);
  }

  protected async probe(signal?: AbortSignal): Promise<ProbeResult> {
    const { command, host, timeoutMs, env } = this.config;
    let result;
    try {
      result = await this.executor.run(command, {
        ...(host !== undefined ? { host } : {}),
        ...(env !== undefined ? { env } : {}),
        timeoutMs,
        maxOutputBytes: OUTPUT_LIMIT,
        ...(signal ? { signal } : {}),
      });
    } catch (err) {
      return { state: 'UNKNOWN', reason: (err as Error).message ?? String(err), latencyMs: null };
    }
    const output = [result.stdout, result.stderr].filter((s) => s.trim() !== '').join('\n');
    const body = bodyExcerpt(output);
    const latencyMs = Math.round(result.durationMs);
    // The executor also sets `error` on a timeout or cancel: those are checked first.
    if (result.timedOut) return { state: 'DOWN', reason: timeoutReason(timeoutMs), latencyMs: null, body };
    if (result.cancelled) return { state: 'UNKNOWN', reason: 'cancelled', latencyMs: null, body };
    if (result.error) return { state: 'UNKNOWN', reason: result.error, latencyMs: null, body };
    if (result.exitCode === 0) return { state: 'UP', reason: 'exit 0', latencyMs, body };
    const how = result.exitCode === null ? `killed by ${result.signal ?? 'signal'}` : `exit ${result.exitCode}`;
    const firstLine = bodyExcerpt(output.trim().split('\n')[0] ?? '', 60);
    return { state: 'DOWN', reason: firstLine ? `${how}: ${firstLine}` : how, latencyMs, body };
  }
}
