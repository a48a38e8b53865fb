// Rolling restarts wait for an instance's checks to be UP again. The status board's rows live in
// the store (the checks slice); this reads them through the narrow view it declares, so the
// actions code depends only on the fields it uses (capability.ts hands it the store).

/** Answers whether an instance of a service is healthy again after an action. */
export interface InstanceHealth {
  /** Resolves true once every check of the instance is UP with a result newer than the call; false on timeout or abort. */
  waitUntilUp(service: string, instance: string | undefined, timeoutMs: number, signal: AbortSignal): Promise<boolean>;
}

/** The fields of a status-board row this code reads. */
interface RowView {
  service: string;
  instance?: string;
  state: string;
  lastAt: number | null;
}

/** The status-board rows, as the store's checks slice holds them. */
export interface RowsView {
  checks: { rows: Record<string, RowView> };
}

/** Where the rows are read and followed from (the console's store is one). */
export interface RowsSource {
  getState(): RowsView;
  subscribe(listener: (state: RowsView) => void): () => void;
}

/** The verdict on an instance's rows: 'up', 'not-yet', or 'no-checks' when none exist. */
export function instanceVerdict(state: RowsView, service: string, instance: string | undefined, since: number): 'up' | 'not-yet' | 'no-checks' {
  const rows = Object.values(state.checks.rows).filter((r) => r.service === service && (instance === undefined || r.instance === undefined || r.instance === instance));
  if (rows.length === 0) return 'no-checks';
  // A result from before the restart proves nothing: the probe may not have noticed it yet.
  return rows.every((r) => r.state === 'UP' && r.lastAt !== null && r.lastAt >= since) ? 'up' : 'not-yet';
}

/** InstanceHealth over the store's status-board rows; an instance without checks counts as UP. */
export function storeInstanceHealth(store: RowsSource, now: () => number = Date.now): InstanceHealth {
  return {
    waitUntilUp(service, instance, timeoutMs, signal) {
      const since = now();
      return new Promise((resolve) => {
        if (signal.aborted) return resolve(false);
        let unsubscribe = (): void => {};
        const finish = (up: boolean) => {
          clearTimeout(timer);
          unsubscribe();
          signal.removeEventListener('abort', onAbort);
          resolve(up);
        };
        const onAbort = () => finish(false);
        const timer = setTimeout(() => finish(false), timeoutMs);
        const check = () => {
          const verdict = instanceVerdict(store.getState(), service, instance, since);
          if (verdict !== 'not-yet') finish(true);
        };
        signal.addEventListener('abort', onAbort, { once: true });
        unsubscribe = store.subscribe(check);
        check();
      });
    },
  };
}
