// The shape most checks share: one configured check, one row on the board, probed once per run.
// A kind says only how to probe; the row, its order and the outcome's shape are the board's.
import type { CheckConfig } from '../config/types.js';
import { rowInfoOf } from './row-info.js';
import type { Check, ProbeResult, RowInfo, RowOutcome } from './types.js';

/** A check with one board row; subclasses implement `probe`, which never throws. */
export abstract class SingleRowCheck<C extends CheckConfig> implements Check {
  protected readonly row: RowInfo;

  /** @param order position in the config, for config-order sorting. */
  constructor(
    readonly config: C,
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

  /** One probe of the target; failures are results (DOWN/UNKNOWN with a reason), never exceptions. */
  protected abstract probe(signal?: AbortSignal): Promise<ProbeResult>;
}
