// What the views call: find an action by service and name, ask the confirmation dialog, run it,
// cancel it. Views only hold the store, so the actions capability puts this controller there.
import type { ActionConfig, WarroomConfig } from '../config/types.js';
import { askConfirm, type DialogSpec } from '../mode/ask.js';
import type { ActionRunner } from './runner.js';
import type { ActionOutcome } from './types.js';

/** What the controller needs of the console (the store is one): the footer, questions, the output overlay. */
export interface ActionsHost {
  getState(): {
    showFlash(text: string, tone?: 'info' | 'warn' | 'error', ms?: number): void;
    openDialog(spec: DialogSpec): boolean;
    /** Opens the run's output as it starts. */
    setControlOverlay(overlay: 'run-output'): void;
  };
}

/** Finds and runs configured actions for the console, with the confirmation dialog. */
export class ActionsController {
  constructor(
    private readonly config: WarroomConfig,
    private readonly runner: ActionRunner,
    private readonly store: ActionsHost,
  ) {}

  /** The actions of a service, in config order. */
  actionsOf(service: string): ActionConfig[] {
    return Object.values(this.config.services.find((s) => s.name === service)?.actions ?? {});
  }

  /** Names of every service that has actions (for `:restart` help and errors). */
  servicesWithActions(): string[] {
    return this.config.services.filter((s) => Object.keys(s.actions).length > 0).map((s) => s.name);
  }

  /** Runs `service`'s action `name` (on one instance or all) after the configured confirmation. */
  async request(service: string, name: string, instance?: string): Promise<ActionOutcome> {
    const state = this.store.getState();
    const known = this.config.services.find((s) => s.name === service);
    const action = known?.actions[name];
    if (!known || !action) {
      const message = !known
        ? `no service ${service} (with actions: ${this.servicesWithActions().join(', ') || 'none'})`
        : `${service} has no action ${name} (has: ${Object.keys(known.actions).join(', ') || 'none'})`;
      state.showFlash(message, 'error');
      return { status: 'no-target', message };
    }
    return this.runner.request(action, {
      ...(instance ? { instance } : {}),
      confirm: (confirmation) =>
        askConfirm(this.store, {
          title: confirmation.title,
          lines: confirmation.lines,
          ...(confirmation.mustType ? { mustType: confirmation.mustType } : {}),
        }),
      onStart: () => this.store.getState().setControlOverlay('run-output'),
    });
  }

  /** Cancels everything in flight (the console is stopping). */
  stop(): void {
    this.runner.stopAll();
  }
}
