// Wires the status board engine to the store and the timeline: builds the checks from the config,
// lists their rows, and runs the scheduler with results batched into the store.
import type { WarroomConfig } from '../config/types.js';
import type { Executor } from '../exec/types.js';
import type { CommitPacer } from '../time/commit-pacer.js';
import type { TimelineRecorder } from '../timeline/recorder.js';
import { createRedactor } from '../text/redact.js';
import { createChecks } from './check-factory.js';
import type { HttpPool } from './http-pool.js';
import { redactRowInfo, redactUpdate } from './row-redaction.js';
import { CheckScheduler } from './scheduler.js';
import type { RowInfo, RowUpdate } from './types.js';

/** Where the board's rows go, and the beat it commits on (the console's store is one). */
export interface StatusBoardSink {
  getState(): { registerCheckRows(rows: RowInfo[]): void; applyCheckBatch(updates: RowUpdate[]): void };
  readonly pacer: CommitPacer;
}

/** What the status board needs from the engine. */
export interface StatusBoardDeps {
  config: WarroomConfig;
  store: StatusBoardSink;
  executor: Executor;
  recorder: TimelineRecorder;
  pool?: HttpPool;
  /** @default 64 */
  concurrency?: number;
}

/** A running status board. */
export interface StatusBoard {
  scheduler: CheckScheduler;
  stop(): Promise<void>;
}

/** Starts probing every configured check into the store. */
export function startStatusBoard(deps: StatusBoardDeps): StatusBoard {
  const checks = createChecks(deps.config, { executor: deps.executor, ...(deps.pool ? { pool: deps.pool } : {}) });
  const redactor = createRedactor(deps.config);
  deps.store.getState().registerCheckRows(checks.flatMap((check) => check.initialRows()).map((row) => redactRowInfo(row, redactor)));
  const scheduler = new CheckScheduler(checks, {
    onBatch: (updates) => deps.store.getState().applyCheckBatch(updates.map((u) => redactUpdate(u, redactor))),
    recorder: deps.recorder,
    pacer: deps.store.pacer,
    ...(deps.concurrency !== undefined ? { concurrency: deps.concurrency } : {}),
  });
  scheduler.start();
  return { scheduler, stop: () => scheduler.stop() };
}
