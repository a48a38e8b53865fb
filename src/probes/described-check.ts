// Runs a check whose kind is wholly described by its descriptor (config/check-kinds/): the probe
// comes from the descriptor; the row, the abort and the never-throw promise are the board's.
import { describedKind } from '../config/check-kinds/index.js';
import type { DescribedCheckConfig } from '../config/types.js';
import { SingleRowCheck } from './single-row-check.js';
import type { ProbeResult } from './types.js';

/** A single-row check probed by its kind's descriptor. */
export class DescribedCheck extends SingleRowCheck<DescribedCheckConfig> {
  protected async probe(signal?: AbortSignal): Promise<ProbeResult> {
    const kind = describedKind(this.config.kind);
    if (!kind) return { state: 'UNKNOWN', reason: `no probe for ${this.config.kind} checks`, latencyMs: null };
    const { target, options, timeoutMs } = this.config;
    try {
      // The descriptor read the options from this same check when the config was loaded.
      return await kind.probe({ target, options: options as never, timeoutMs }, signal);
    } catch (error) {
      return { state: 'DOWN', reason: error instanceof Error ? error.message : String(error), latencyMs: null };
    }
  }
}
