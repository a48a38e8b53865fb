// One pass over every check, for `warroom status` and scripts: no damping, no timers, just the
// raw result of each row under the same concurrency bound as the console.
import { ConcurrencyLimit } from './concurrency-limit.js';
import type { Check, RowOutcome } from './types.js';

/** Options for a single sweep. */
export interface SweepOptions {
  /** @default 64 */
  concurrency?: number;
  signal?: AbortSignal;
}

/** Probes every check once; rows come back in config order (gone placeholders dropped). */
export async function sweepOnce(checks: Check[], options: SweepOptions = {}): Promise<RowOutcome[]> {
  const limit = new ConcurrencyLimit(options.concurrency ?? 64);
  const results = await Promise.all(checks.map((check) => limit.run(() => check.run(options.signal))));
  return results.flat().filter((outcome) => !outcome.gone);
}
