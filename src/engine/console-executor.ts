// The executor as a console uses it: host connection states go to the store's hosts slice for
// the UI, and what the incident record needs (failures, connection gaps, accepted host keys) goes
// to the timeline as `host.connection` events.
import type { WarroomConfig } from '../config/types.js';
import type { WarroomStore } from '../store/store.js';
import type { TimelineRecorder } from '../timeline/recorder.js';
import { createExecutor, type ExecutorOptions } from '../exec/index.js';
import type { Executor } from '../exec/types.js';

/** Creates the executor for a console session, wired to its store and timeline. */
export function createConsoleExecutor(
  config: WarroomConfig,
  store: WarroomStore,
  recorder: TimelineRecorder,
  /** Paths and timings (tests point these at a throwaway ~/.ssh). */
  overrides: Omit<Partial<ExecutorOptions>, 'hosts' | 'onHostState' | 'onNotice'> = {},
): Executor {
  // Reconnect attempts repeat the same failure every backoff step: record a reason once per outage.
  const recordedFailure = new Map<string, string>();
  return createExecutor({
    ...overrides,
    hosts: config.hosts,
    onHostState: (state) => {
      store.getState().setHostState(state);
      if (state.state === 'connected') recordedFailure.delete(state.host);
      if (state.state === 'failed' && state.reason && recordedFailure.get(state.host) !== state.reason) {
        recordedFailure.set(state.host, state.reason);
        const text = `${state.host}: ${state.reason}`;
        recorder.record('host.connection', { host: state.host, state: 'failed', reason: state.reason, text });
      }
    },
    onNotice: (text, host) => recorder.record('host.connection', { host, text }),
  });
}
