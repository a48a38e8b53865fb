// Test support for the log tests: the real executor (local commands only) and a polling wait.
import { createExecutor } from '../../src/exec/index.js';

/** The real executor with no hosts: local commands through child_process. */
export function localExecutor(): ReturnType<typeof createExecutor> {
  return createExecutor({ hosts: {}, agentSocket: null });
}

/** Polls until `condition` holds; fails with `what` after `timeoutMs`. */
export async function waitFor(condition: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
