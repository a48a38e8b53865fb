// Runs configured actions: the read-only refusal, the per-action in-flight guard (a key repeat
// can never start a second run), confirmation, then all targets at once or one at a time
// (`rolling`), with live output batched into the store and a cancel for each run.
import type { ActionConfig, ActionTarget, HostConfig } from '../config/types.js';
import type { Executor } from '../exec/types.js';
import { countAction } from '../selfmetrics/record.js';
import type { Redactor } from '../text/redact.js';
import type { TimelineRecorder } from '../timeline/recorder.js';
import { buildConfirmation, type ActionConfirmation } from './confirmation.js';
import type { InstanceHealth } from './instance-health.js';
import { isDryRun, mayAct, readOnlyRefusal, type ModeHost } from '../mode/mode-guard.js';
import type { CommitPacer } from '../time/commit-pacer.js';
import { OutputTail } from '../exec/output-tail.js';
import { runRolling, summarize } from './rolling.js';
import { runTarget } from './target-run.js';
import type { ActionOutcome, ActionRunView } from './types.js';

/** Where runs are shown while they go, and the beat output commits on (the console's store is one). */
export interface ActionRunsSink extends ModeHost {
  getState(): ReturnType<ModeHost['getState']> & {
    addActionRun(run: ActionRunView): void;
    updateActionRun(id: string, patch: Partial<ActionRunView>): void;
    /** Registers a run in progress with its cancel (null: done). */
    setRunning(id: string, work: { description: string; cancel: () => void } | null): void;
  };
  readonly pacer: CommitPacer;
}

/** What the runner is built from. */
export interface ActionRunnerDeps {
  executor: Executor;
  recorder: TimelineRecorder;
  store: ActionRunsSink;
  hosts: Record<string, HostConfig>;
  redactor: Redactor;
  health: InstanceHealth;
  now?: () => number;
}

/** Asks the lead to confirm; resolves true to go ahead. */
export type Confirm = (confirmation: ActionConfirmation) => Promise<boolean>;

let runCounter = 0;

/** Runs actions through the Executor, guarded, confirmed, cancellable and recorded. */
export class ActionRunner {
  private readonly inFlight = new Map<string, { controller: AbortController; runId: string | null }>();
  private readonly now: () => number;

  constructor(private readonly deps: ActionRunnerDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** True while the action is being confirmed or run. */
  isBusy(action: ActionConfig): boolean {
    return this.inFlight.has(keyOf(action));
  }

  /** Confirms (as configured, or typed for destructive commands) and runs an action on one instance or all. */
  async request(action: ActionConfig, options: { instance?: string; confirm: Confirm; onStart?: (runId: string) => void }): Promise<ActionOutcome> {
    const label = `${action.name} ${action.service}`;
    if (!mayAct(this.deps.store, label)) return { status: 'refused', message: readOnlyRefusal('read-only', label)! };
    const key = keyOf(action);
    if (this.inFlight.has(key)) return this.flash({ status: 'busy', message: `${label} is already running` });
    const targets = options.instance ? action.targets.filter((t) => t.instance === options.instance) : action.targets;
    if (targets.length === 0) return this.flash({ status: 'no-target', message: `${action.service} has no instance ${options.instance}` });
    // Claimed before the dialog opens: a repeated key while confirming is refused too.
    const slot = { controller: new AbortController(), runId: null as string | null };
    this.inFlight.set(key, slot);
    try {
      const dryRun = isDryRun(this.deps.store);
      const confirmation = await buildConfirmation(action, targets, { hosts: this.deps.hosts, redactor: this.deps.redactor, dryRun });
      if (confirmation.required !== 'none' && !(await options.confirm(confirmation))) {
        return { status: 'declined', message: `${label}: not run` };
      }
      return await this.execute(action, targets, slot, dryRun, options.onStart);
    } finally {
      this.inFlight.delete(key);
    }
  }

  /** Cancels one run (by id) or every run; true when something was running. */
  cancel(runId?: string): boolean {
    let any = false;
    for (const slot of this.inFlight.values()) {
      if (slot.runId === null || (runId !== undefined && slot.runId !== runId)) continue;
      slot.controller.abort();
      any = true;
    }
    return any;
  }

  /** Cancels everything, confirmations included (the console is stopping). */
  stopAll(): void {
    for (const slot of this.inFlight.values()) slot.controller.abort();
  }

  private flash(outcome: ActionOutcome & { message: string }): ActionOutcome {
    this.deps.store.getState().showFlash(outcome.message, 'warn');
    return outcome;
  }

  private async execute(action: ActionConfig, targets: ActionTarget[], slot: { controller: AbortController; runId: string | null }, dryRun: boolean, onStart?: (runId: string) => void): Promise<ActionOutcome> {
    const { store, redactor } = this.deps;
    const runId = `action-${++runCounter}`;
    slot.runId = runId;
    // The targets clean each line (see target-run.ts); this tail bounds what the view holds.
    const output = new OutputTail({ clean: 'already-clean' });
    // Live output reaches the store at the pacer's beat, in the same frame as everything else.
    const flush = () => {
      store.pacer.cancel(flush);
      store.getState().updateActionRun(runId, { lines: output.last(), dropped: output.dropped });
    };
    const label = `${action.name} ${action.service}${targets.length === 1 && targets[0]?.instance ? ` ${targets[0].instance}` : ''}`;
    const view: ActionRunView = {
      id: runId,
      service: action.service,
      action: action.name,
      ...(targets.length === 1 && targets[0]?.instance ? { instance: targets[0].instance } : {}),
      target: targets.length === 1 ? redactor(targets[0]?.host ?? 'local') : `${targets.length} instances`,
      command: redactor(targets[0]?.run ?? ''),
      state: 'running',
      startedAt: this.now(),
      finishedAt: null,
      lines: [],
      dropped: 0,
      progress: targets.length > 1 ? `0/${targets.length}` : '',
      summary: '',
    };
    store.getState().addActionRun(view);
    if (!dryRun) store.getState().setRunning(runId, { description: label, cancel: () => this.cancel(runId) });
    onStart?.(runId);
    const context = {
      executor: this.deps.executor,
      recorder: this.deps.recorder,
      redactor,
      hosts: this.deps.hosts,
      action,
      dryRun,
      signal: slot.controller.signal,
      onLine: (line: string) => {
        output.push(line);
        store.pacer.request(flush);
      },
      now: this.now,
    };
    try {
      const results = action.rolling && targets.length > 1
        ? await runRolling(context, targets, this.deps.health, (progress) => store.getState().updateActionRun(runId, { progress }))
        : await Promise.all(targets.map((t) => runTarget(context, t)));
      const summary = summarize(action, targets, results);
      const ok = results.length === targets.length && results.every((r) => r.ok);
      const cancelled = results.some((r) => r.cancelled);
      const state = dryRun ? 'dry-run' : cancelled ? 'cancelled' : ok ? 'succeeded' : 'failed';
      // warroom's own /metrics: the run's state, with a failure that was a timeout told apart.
      countAction(state === 'failed' && results.some((r) => r.timedOut) ? 'timeout' : state);
      flush();
      store.getState().updateActionRun(runId, {
        state,
        finishedAt: this.now(),
        progress: '',
        summary,
      });
      store.getState().showFlash(summary, ok ? 'info' : 'error', 10_000);
      return { status: 'ran', ok, summary, results };
    } finally {
      store.pacer.cancel(flush);
      store.getState().setRunning(runId, null);
    }
  }
}

function keyOf(action: ActionConfig): string {
  return `${action.service}\u0000${action.name}`;
}
