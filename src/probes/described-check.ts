// Runs a check whose kind is wholly described by its descriptor (config/check-kinds/): the probe
// comes from the descriptor; the row, the abort and the never-throw promise are the board's.
import { describedKind } from '../config/check-kinds/index.js';
import type { DescribedCheckConfig } from '../config/types.js';
import { rowInfoOf } from './row-info.js';
import type { Check, ProbeResult, RowInfo, RowOutcome } from './types.js';

/** A single-row check probed by its kind's descriptor. */
export class DescribedCheck implements Check {
  private readonly row: RowInfo;

  /** @param order position in the config, for config-order sorting. */
  constructor(
    readonly config: DescribedCheckConfig,
    order = 0,
  ) {
    this.row = rowInfoOf(config, order);
  }

  /** @inheritdoc */
  initialRows(): RowInfo[] {
    return [this.row];
  }

  /** @inheritdoc */
  async run(signal?: AbortSignal): Promise<RowOutcome[]> {
    return [{ row: this.row, ...(await this.probe(signal)) }];
  }

  private async probe(signal?: AbortSignal): Promise<ProbeResult> {
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
