// Everything between "the config is loaded" and "the user quit": store, engine, console, and
// the orderly stop afterwards. Shared by `warroom open` and `warroom demo`.
import type { WarroomConfig } from '../config/types.js';
import { Engine } from '../engine/engine.js';
import { createConsoleExecutor } from '../exec/console-executor.js';
import type { Executor } from '../exec/types.js';
import type { ConsoleMode } from '../store/incident.js';
import { createWarroomStore, type WarroomStore } from '../store/store.js';
import type { TimelineRecorder } from '../timeline/recorder.js';
import { UsageError } from './usage-error.js';

/** What a console session needs besides the config. */
export interface SessionOptions {
  config: WarroomConfig;
  operator: string;
  mode: ConsoleMode;
  incidentId: string;
  recorder: TimelineRecorder;
  /** Default: one made from the config's hosts, reporting into the store and timeline. */
  executor?: Executor;
  store?: WarroomStore;
}

/** Refuses to draw a console on something that is not a terminal. */
export function requireTerminal(): void {
  if (!process.stdout.isTTY || !process.stdin.isTTY) {
    throw new UsageError('warroom needs a terminal for the console; for scripts and cron use `warroom status`.');
  }
}

/**
 * Loads the views with two settings that only matter while they load:
 * - Ink's CI detection off: with CI=true in the environment Ink draws nothing until exit, and
 *   this console only ever runs on a terminal someone is looking at (requireTerminal).
 * - React's production build: React picks its build from NODE_ENV when first imported, and the
 *   development build (the default when NODE_ENV is unset, or "development" in a developer's
 *   shell) roughly doubles the cost of every frame.
 * The variables are put back right after, so the commands warroom runs (restarts, runbook steps)
 * see the environment exactly as it was.
 */
async function importViews(): Promise<typeof import('../../views/console.js')> {
  const forLoading = { CI: '0', CONTINUOUS_INTEGRATION: '0', NODE_ENV: 'production' };
  const saved = Object.fromEntries(Object.keys(forLoading).map((name) => [name, process.env[name]]));
  Object.assign(process.env, forLoading);
  try {
    return await import('../../views/console.js');
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

/** How a console session ended. */
export type SessionEnd = 'quit' | 'signal' | 'error';

/** Runs the console on a started engine until the user quits, then stops everything. */
export async function runConsoleSession(options: SessionOptions): Promise<SessionEnd> {
  // The views (Ink, React) are the heaviest import and no other command needs them: load them
  // only now, while the engine starts.
  const viewsLoading = importViews();
  const store = options.store ?? createWarroomStore();
  const { incident } = options.config;
  store.getState().setIncident({
    id: options.incidentId,
    title: incident.title,
    severity: incident.severity,
    operator: options.operator,
    mode: options.mode,
  });
  const engine = new Engine({
    config: options.config,
    store,
    recorder: options.recorder,
    executor: options.executor ?? createConsoleExecutor(options.config, store, options.recorder),
    mode: options.mode,
    operator: options.operator,
  });
  await engine.start();
  try {
    const { runConsole } = await viewsLoading;
    return await runConsole({ store, responseTargets: incident.responseTargets });
  } finally {
    await engine.stop();
  }
}
