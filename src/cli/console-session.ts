// Everything between "the config is loaded" and "the user quit": store, engine, console, and
// the orderly stop afterwards. Shared by `warroom open` and `warroom demo`.
import type { WarroomConfig } from '../config/types.js';
import type { Engine } from '../engine/engine.js';
import { createConsoleExecutor } from '../engine/console-executor.js';
import type { Executor } from '../exec/types.js';
import type { ConsoleMode } from '../mode/console-mode.js';
import { createWarroomStore, type WarroomStore } from '../store/store.js';
import type { TimelineRecorder } from '../timeline/recorder.js';
import { UsageError } from './usage-error.js';
import { loadViews } from './views-loading.js';

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
  /**
   * The console's last words (who left), recorded while the engine stops: after everything that
   * records by itself, before sharing stops, so the other consoles hear it now.
   */
  lastWords?: (end: SessionEnd) => void;
}

/** Refuses to draw a console on something that is not a terminal. */
export function requireTerminal(): void {
  if (!process.stdout.isTTY || !process.stdin.isTTY) {
    throw new UsageError('warroom needs a terminal for the console; for scripts and cron use `warroom status`.');
  }
}

/** How a console session ended. */
export type SessionEnd = 'quit' | 'signal' | 'error';

/**
 * Runs the console until the user quits, then stops everything. The first frame is drawn as soon
 * as the views are loaded, with the incident in the header and the panes saying they are
 * starting; the engine (its checks, log tails, the runbook and the modules they need) is loaded
 * and started right behind it. If the engine cannot start, the console is closed (the terminal
 * restored) before the error is reported.
 */
export async function runConsoleSession(options: SessionOptions): Promise<SessionEnd> {
  // The views (Ink, React) are the heaviest import and no other command needs them: the console
  // commands start loading them early (loadViews), or this does.
  const viewsLoading = loadViews();
  const store = options.store ?? createWarroomStore();
  const { incident } = options.config;
  store.getState().setIncident({
    id: options.incidentId,
    title: incident.title,
    severity: incident.severity,
    operator: options.operator,
    mode: options.mode,
  });
  // Ctrl-C while the views load (the keyboard is not in raw mode yet: the terminal sends SIGINT)
  // quits once the console is up, through the same orderly stop as the key.
  let interrupted = false;
  const onEarlyInterrupt = () => {
    interrupted = true;
  };
  process.on('SIGINT', onEarlyInterrupt);
  let runConsole: Awaited<typeof viewsLoading>['runConsole'];
  try {
    ({ runConsole } = await viewsLoading);
  } finally {
    process.off('SIGINT', onEarlyInterrupt);
  }
  store.getState().setStarting(true);
  const closeConsole = new AbortController();
  const ended = runConsole({ store, responseTargets: incident.responseTargets, signal: closeConsole.signal, interrupted });
  let engine: Engine;
  try {
    const { Engine } = await import('../engine/engine.js');
    engine = new Engine({
      config: options.config,
      store,
      recorder: options.recorder,
      executor: options.executor ?? createConsoleExecutor(options.config, store, options.recorder),
      mode: options.mode,
      operator: options.operator,
    });
    await engine.start();
  } catch (error) {
    closeConsole.abort();
    await ended;
    throw error;
  } finally {
    store.getState().setStarting(false);
  }
  let end: SessionEnd = 'error';
  try {
    end = await ended;
    return end;
  } finally {
    await engine.stop(options.lastWords && (() => options.lastWords!(end)));
  }
}
