// Exponential backoff for deliveries: retry what may succeed later (5xx, timeouts, network
// errors), never a 4xx, and tell the caller about every attempt so each is visible and recorded.
import type { AttemptResult } from './http-post.js';

/** How many times and how patiently to retry. */
export interface RetryPolicy {
  /** Attempts in total, the first included. @default 4 */
  attempts: number;
  /** Delay before the second attempt; doubled each time after. @default 1000 */
  baseDelayMs: number;
  /** @default 30000 */
  maxDelayMs: number;
}

/** The default policy: 4 attempts, 1 s, 2 s, 4 s apart. */
export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 1000, maxDelayMs: 30_000 };

/** The delay before attempt `n + 1` (n ≥ 1). */
export function backoffDelay(policy: RetryPolicy, n: number): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (n - 1));
}

/** Runs `attempt` until it succeeds, fails for good, or attempts run out; reports each one. */
export async function withRetries(
  attempt: () => Promise<AttemptResult>,
  policy: RetryPolicy,
  hooks: { onAttempt: (n: number, result: AttemptResult, willRetry: boolean) => void; sleep: (ms: number) => Promise<void> },
): Promise<AttemptResult & { attempts: number }> {
  for (let n = 1; ; n++) {
    const result = await attempt();
    const willRetry = !result.ok && result.retryable && n < policy.attempts;
    hooks.onAttempt(n, result, willRetry);
    if (!willRetry) return { ...result, attempts: n };
    await hooks.sleep(backoffDelay(policy, n));
  }
}
