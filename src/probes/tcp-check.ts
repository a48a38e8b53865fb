// `tcp:` checks: can a connection be opened within the timeout (databases, caches, SSH ports)?
import { connect } from 'node:net';
import type { TcpCheckConfig } from '../config/types.js';
import { describeError, timeoutReason } from './reasons.js';
import { SingleRowCheck } from './single-row-check.js';
import type { ProbeResult } from './types.js';

/** Connects and immediately closes; UP when the connection opened. */
export class TcpCheck extends SingleRowCheck<TcpCheckConfig> {
  protected probe(signal?: AbortSignal): Promise<ProbeResult> {
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
