// `tcp:` checks: can a connection be opened within the timeout (databases, caches, SSH ports)?
import { connect } from 'node:net';
import type { TcpCheckConfig } from '../config/types.js';
import { describeError, timeoutReason } from './reasons.js';
import { rowInfoOf } from './row-info.js';
import type { Check, ProbeResult, RowInfo, RowOutcome } from './types.js';

/** Connects and immediately closes; UP when the connection opened. */
export class TcpCheck implements Check {
  private readonly row: RowInfo;

  /** @param order position in the config, for config-order sorting. */
  constructor(
    readonly config: TcpCheckConfig,
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

  private probe(signal?: AbortSignal): Promise<ProbeResult> {
    const { host, port, timeoutMs } = this.config;
    if (signal?.aborted) return Promise.resolve({ state: 'UNKNOWN', reason: 'cancelled', latencyMs: null });
    const started = performance.now();
    return new Promise((resolve) => {
      const socket = connect({ host, port });
      const finish = (result: ProbeResult): void => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        socket.destroy();
        resolve(result);
      };
      const timer = setTimeout(
        () => finish({ state: 'DOWN', reason: timeoutReason(timeoutMs), latencyMs: null }),
        timeoutMs,
      );
      const onAbort = (): void => finish({ state: 'UNKNOWN', reason: 'cancelled', latencyMs: null });
      signal?.addEventListener('abort', onAbort, { once: true });
      socket.once('connect', () =>
        finish({ state: 'UP', reason: 'connected', latencyMs: Math.round(performance.now() - started) }),
      );
      socket.once('error', (err) => finish({ ...describeError(err), latencyMs: null }));
    });
  }
}
