import type { WarroomConfig } from '../config/types.js';
import type { Executor } from '../exec/types.js';
import type { ConsoleMode } from '../mode/console-mode.js';
import type { WarroomStore } from '../store/store.js';
import type { TimelineRecorder } from '../timeline/recorder.js';

/** What every capability is given: the config, the store, and the shared services. */
export interface EngineContext {
  config: WarroomConfig;
  store: WarroomStore;
  recorder: TimelineRecorder;
  executor: Executor;
  mode: ConsoleMode;
  operator: string;
}

/** A running part of the engine (probes, log tails, metric pollers...), started and stopped with it. */
export interface Capability {
  readonly name: string;
  /** Carries the record out (the timeline feed, sharing): stopped after the console's last words. */
  readonly carriesRecord?: boolean;
  start(): void | Promise<void>;
  stop(): void | Promise<void>;
}

/** Makes a capability for a context, or null when the config does not ask for it. */
export type CapabilityFactory = (context: EngineContext) => Capability | null;
