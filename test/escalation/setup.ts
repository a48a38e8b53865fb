// A pager, escalation controller and store wired for tests, with contacts pointing at sinks.
import type { EscalationConfig } from '../../src/config/types.js';
import { EscalationController } from '../../src/escalation/controller.js';
import { Pager } from '../../src/escalation/pager.js';
import { MemoryRecorder } from '../helpers/memory-recorder.js';
import type { ConsoleMode } from '../../src/mode/console-mode.js';
import { createWarroomStore } from '../../src/store/store.js';
import { createRedactor } from '../../src/text/redact.js';
import { FakeClock } from './fake-clock.js';

/** Incident start in the tests: 2026-11-23 10:00 UTC. */
export const T0 = Date.UTC(2026, 10, 23, 10, 0, 0);

/** Builds the escalation parts around a config; sleeps are recorded, not waited. */
export function escalationSetup(escalation: EscalationConfig, options: { mode?: ConsoleMode; pagerdutyUrl?: string; secrets?: string[] } = {}) {
  const store = createWarroomStore();
  store.getState().setIncident({ id: 'INC-42', title: 'Checkout returning 5xx', severity: 'P1', startedAt: T0, operator: 'ana@bastion', mode: options.mode ?? 'live' });
  const recorder = new MemoryRecorder();
  const clock = new FakeClock(T0);
  const sleeps: number[] = [];
  const pager = new Pager({
    escalation,
    store,
    recorder,
    redactor: createRedactor({ secrets: options.secrets ?? [] }),
    pagerdutyUrl: options.pagerdutyUrl ?? 'http://127.0.0.1:9/unused',
    retry: { attempts: 4, baseDelayMs: 100, maxDelayMs: 1000 },
    timeoutMs: 5000,
    sleep: async (ms) => void sleeps.push(ms),
    now: () => clock.now(),
  });
  const controller = new EscalationController({ escalation, store, recorder, pager, clock });
  return { store, recorder, clock, pager, controller, sleeps };
}
