// Test support for the log tests: the real executor (local commands only).
import { createExecutor } from '../../src/exec/index.js';

/** The real executor with no hosts: local commands through child_process. */
export function localExecutor(): ReturnType<typeof createExecutor> {
  return createExecutor({ hosts: {}, agentSocket: null });
}

