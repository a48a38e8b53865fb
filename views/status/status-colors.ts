import type { CheckState } from '../../src/probes/types.js';

/** Colour of each state (always beside its symbol and word, never alone). */
export const STATE_COLOR: Record<CheckState, string> = { UP: 'green', DEGRADED: 'yellow', DOWN: 'red', UNKNOWN: 'gray' };
