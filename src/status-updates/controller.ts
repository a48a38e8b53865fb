// Status updates, severity and resolution: the lead's messages to the outside world and the
// incident's own state changes, each recorded in full and refused in a read-only console.
import { isDryRun, mayAct } from '../mode/mode-guard.js';
import type { Clock } from '../escalation/clock.js';
import type { EscalationController } from '../escalation/controller.js';
import type { EscalationHost, IncidentFacts } from '../escalation/types.js';
import type { ActionRunView } from '../actions/types.js';
import type { Pager } from '../escalation/pager.js';
import { incidentSnapshot } from '../escalation/snapshot.js';
import { askConfirm, askText } from '../mode/ask.js';
import type { StatusPhase } from './types.js';
import type { TimelineRecorder } from '../timeline/recorder.js';
import { changeSeverity } from '../timeline/incident-changes.js';
import { refusedChange } from '../timeline/guarded-change.js';
import { draftStatusUpdate, UPDATE_INTERVAL_MS } from './template.js';
import { parseSeverity } from '../config/severity.js';

/** What status updates, severity and resolution read and write (the console's store is one). */
export interface StatusUpdateHost extends EscalationHost {
  getState(): ReturnType<EscalationHost['getState']> & {
    /** Finished actions' summaries go into the draft. */
    actionRuns: readonly Pick<ActionRunView, 'state' | 'summary'>[];
    setSeverity(severity: IncidentFacts['severity']): void;
    setIncident(patch: { resolvedAt: number }): void;
    setControlOverlay(overlay: 'status-update'): void;
  };
}

/** What the status-update controller is built from. */
export interface StatusUpdateDeps {
  store: StatusUpdateHost;
  recorder: TimelineRecorder;
  pager: Pager;
  escalation: EscalationController;
  clock: Clock;
}

/** Drafts and sends status updates, changes severity, resolves the incident. */
export class StatusUpdateController {
  constructor(private readonly deps: StatusUpdateDeps) {}

  /** The draft for a phase, from the current state. */
  draft(phase: StatusPhase, resolution?: string): string[] {
    const state = this.deps.store.getState();
    const now = this.deps.clock.now();
    const actions = state.actionRuns.filter((r) => r.state !== 'running' && r.summary).map((r) => r.summary);
    return draftStatusUpdate(phase, { snapshot: incidentSnapshot(state, now), actions, now }, resolution);
  }

  /** `u`: opens the editor on a fresh draft for the current phase (refused in read-only). */
  open(): boolean {
    const { store } = this.deps;
    if (!mayAct(store, 'status update')) return false;
    const phase = store.getState().escalation.phase;
    store.getState().setEscalation({ draft: { phase, lines: this.draft(phase) } });
    store.getState().setControlOverlay('status-update');
    return true;
  }

  /** Sends the edited update to the configured channels after a confirmation naming them; records it in full. */
  async send(phase: StatusPhase, text: string): Promise<boolean> {
    const { store, pager, recorder } = this.deps;
    if (!mayAct(store, 'status update')) return false;
    if (!text.trim()) {
      store.getState().showFlash('the status update is empty', 'warn');
      store.getState().setControlOverlay('status-update');
      return false;
    }
    const channels = pager.statusChannels();
    const dryRun = isDryRun(store);
    const lines = [
      channels.length > 0 ? `To: ${channels.join(', ')}` : 'No Slack or webhook channel is configured: it is only recorded in the timeline.',
      ...text.split('\n').slice(0, 8).map((l) => `│ ${l}`),
      ...(dryRun ? ['DRY-RUN: recorded only; nothing is sent'] : []),
    ];
    if (!(await askConfirm(store, { title: `Send the ${phase} status update?`, lines }))) {
      // Back to the editor with the text as it was.
      store.getState().setControlOverlay('status-update');
      return false;
    }
    const now = this.deps.clock.now();
    const report = await pager.statusUpdate(phase, text, incidentSnapshot(store.getState(), now), dryRun);
    recorder.record('status.update', { phase, text, channels, delivered: report.delivered, ...(report.failures.length > 0 ? { failed: report.failures } : {}), ...(dryRun ? { dryRun: true } : {}) });
    const interval = UPDATE_INTERVAL_MS[store.getState().incident.severity];
    store.getState().setEscalation({ phase, lastUpdateAt: now, nextUpdateAt: phase === 'resolved' ? null : now + interval, draft: null });
    if (report.failures.length > 0) store.getState().showFlash(`✖ status update not delivered: ${report.failures.join('; ')}`, 'error', 30_000);
    // A drill sends nothing: say so rather than "sent to 2 channels".
    else if (dryRun) store.getState().showFlash(`dry run: status update (${phase}) recorded, not sent (would go to ${report.delivered} channel${report.delivered === 1 ? '' : 's'})`, 'info');
    else store.getState().showFlash(`✔ status update (${phase}) sent to ${report.delivered} channel${report.delivered === 1 ? '' : 's'}`, 'info');
    return report.failures.length === 0;
  }

  /**
   * `:severity P1 [why]`: records the change and why; the header and response target follow the
   * store. Shared across machines, the server's compare-and-set decides between two consoles
   * changing it at once: the loser records nothing, shows the winner's level, and says who won.
   */
  async setSeverity(input: string, reason = ''): Promise<boolean> {
    const { store, recorder } = this.deps;
    const to = parseSeverity(input);
    if (!to) {
      store.getState().showFlash(`not a severity: ${input || '(none)'} — use P0..P4 (or SEV-0..SEV-4)`, 'error');
      return false;
    }
    if (!mayAct(store, 'severity change')) return false;
    const from = store.getState().incident.severity;
    if (from === to) {
      store.getState().showFlash(`severity is already ${to}`, 'info');
      return false;
    }
    const outcome = await changeSeverity(recorder, { from, to, reason });
    if (!outcome.done) {
      if ('unsaved' in outcome) store.getState().showFlash('severity not changed: the timeline could not record it', 'error');
      else {
        // The winner's event follows through the stream; the header shows its level already.
        const current = parseSeverity(outcome.refused.current?.value ?? '');
        if (current) store.getState().setSeverity(current);
        store.getState().showFlash(outcome.refused.text, 'warn', 15_000);
      }
      return false;
    }
    store.getState().setSeverity(to);
    store.getState().showFlash(`severity ${from} → ${to}${reason.trim() ? '' : ' (add why: :severity P1 REASON)'}`, 'info');
    return true;
  }

  /** `:resolve`: asks for a one-line summary, resolves PagerDuty, sends a final update, marks the incident resolved. */
  async resolve(): Promise<boolean> {
    const { store, pager, recorder, escalation } = this.deps;
    if (!mayAct(store, 'resolve')) return false;
    const incident = store.getState().incident;
    if (incident.resolvedAt !== null) {
      store.getState().showFlash(`${incident.id} is already resolved`, 'info');
      return false;
    }
    const channels = pager.statusChannels();
    const pd = pager.contacts().filter((name) => pager.contact(name)?.pagerduty);
    const summary = await askText(store, {
      title: `Resolve ${incident.id}?`,
      lines: [
        pd.length > 0 ? `PagerDuty: resolve the alert (${pd.join(', ')})` : 'PagerDuty: not configured',
        channels.length > 0 ? `Final status update to: ${channels.join(', ')}` : 'Final status update: recorded only (no channel configured)',
        ...(isDryRun(store) ? ['DRY-RUN: recorded only; nothing is sent'] : []),
      ],
      prompt: 'Resolution (one line):',
    });
    const text = summary?.trim();
    if (!text) {
      store.getState().showFlash('not resolved (a one-line resolution summary is needed)', 'warn');
      return false;
    }
    // Shared across machines, one console resolves: the server's compare-and-set decides.
    const refused = await refusedChange(recorder, { field: 'resolved', from: null, to: incident.operator }, 'resolve', (by) => `${by} resolved ${incident.id} first`);
    if (refused) {
      store.getState().showFlash(refused, 'warn', 15_000);
      return false;
    }
    const now = this.deps.clock.now();
    const final = this.draft('resolved', text).join('\n');
    recorder.record('incident.resolved', { text });
    store.getState().setIncident({ resolvedAt: now });
    escalation.stop();
    const dryRun = isDryRun(store);
    const snapshot = incidentSnapshot(store.getState(), now);
    const [resolved, update] = await Promise.all([pager.resolve(snapshot, dryRun), pager.statusUpdate('resolved', final, snapshot, dryRun)]);
    recorder.record('status.update', { phase: 'resolved', text: final, channels, delivered: update.delivered, ...(dryRun ? { dryRun: true } : {}) });
    store.getState().setEscalation({ phase: 'resolved', lastUpdateAt: now, nextUpdateAt: null });
    const failures = [...resolved.failures, ...update.failures];
    if (failures.length > 0) store.getState().showFlash(`resolved, but not delivered: ${failures.join('; ')}`, 'error', 30_000);
    else store.getState().showFlash(`✔ ${incident.id} resolved`, 'info');
    return true;
  }
}
