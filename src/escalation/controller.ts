// Escalation for the console: the policy timer (auto-page, or prompt the lead and record that),
// `P` (page the next contact after a confirmation naming who) and `:page CONTACT`.
import type { EscalationConfig } from '../config/types.js';
import { isDryRun, isReadOnly, mayAct } from '../mode/mode-guard.js';
import { askConfirm } from '../mode/ask.js';
import { formatDuration } from '../time/duration-text.js';
import type { TimelineRecorder } from '../timeline/recorder.js';
import type { Clock } from './clock.js';
import { channelsOf, type Pager } from './pager.js';
import { PolicyTimer, type PolicyStep } from './policy-timer.js';
import { incidentSnapshot } from './snapshot.js';
import type { EscalationHost, SendReport } from './types.js';

/** What the escalation controller is built from. */
export interface EscalationDeps {
  escalation: EscalationConfig | undefined;
  store: EscalationHost;
  recorder: TimelineRecorder;
  pager: Pager;
  clock: Clock;
}

/** Pages contacts by policy and on request. */
export class EscalationController {
  private readonly timer: PolicyTimer;
  private readonly paging = new Set<string>();
  private unsubscribe: (() => void) | null = null;

  constructor(private readonly deps: EscalationDeps) {
    const { store } = deps;
    this.timer = new PolicyTimer(
      deps.escalation?.policy ?? [],
      deps.clock,
      () => store.getState().incident.startedAt,
      (step) => void this.onDue(step),
      (next) => store.getState().setEscalation({ next }),
    );
  }

  /** Arms the policy timer (not for a resolved incident) and follows the incident's start and resolution. */
  start(): void {
    const { store } = this.deps;
    if (store.getState().incident.resolvedAt !== null) return;
    this.timer.start();
    let { startedAt } = store.getState().incident;
    // The start time may be corrected (a resumed incident) and another console may resolve it.
    this.unsubscribe = store.subscribe((state) => {
      if (state.incident.resolvedAt !== null) return this.stop();
      if (state.incident.startedAt !== startedAt) {
        startedAt = state.incident.startedAt;
        this.timer.reschedule();
      }
    });
  }

  /** Stops the timer (on resolution and when the console stops). */
  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.timer.stop();
  }

  /** Skips policy steps already paged (or announced) in this incident: a console reopened on it. */
  restore(events: readonly { kind: string; data: Record<string, unknown> }[]): void {
    const pages = new Set<string>();
    // Automatic pages whose step a claim already marked handled, per contact.
    const claimed = new Map<string, number>();
    for (const event of events) {
      const { contact, purpose, dryRun, reason } = event.data;
      if (typeof contact !== 'string' || dryRun === true) continue;
      if (event.kind === 'escalation.prompted') this.timer.markContact(contact, 'fired');
      else if (event.kind === 'escalation.claimed' && typeof event.data.step === 'number') {
        // Whoever claimed it pages it (or has): this console never does.
        this.timer.markDone(event.data.step);
        claimed.set(contact, (claimed.get(contact) ?? 0) + 1);
      } else if (event.kind === 'escalation.sent' && (purpose === undefined || purpose === 'page')) {
        // One page sends on several channels: it handles one step.
        const key = `${contact}\u0000${String(reason ?? '')}`;
        if (pages.has(key)) continue;
        pages.add(key);
        const unclaimed = claimed.get(contact) ?? 0;
        if (String(reason ?? '').endsWith('(auto)') && unclaimed > 0) claimed.set(contact, unclaimed - 1);
        else this.timer.markContact(contact, 'done');
      }
    }
  }

  /** The configured contact names. */
  contacts(): string[] {
    return this.deps.pager.contacts();
  }

  /** `P`: pages the next contact of the policy after a confirmation naming who. */
  async pageNext(): Promise<SendReport | null> {
    const step = this.timer.next();
    if (!step) {
      this.deps.store.getState().showFlash('no escalation step left: use :page CONTACT', 'warn');
      return null;
    }
    const report = await this.confirmAndPage(step.notify, 'paged now (P)', step);
    return report;
  }

  /** `:page CONTACT`: pages any configured contact after a confirmation. */
  async pageContact(name: string): Promise<SendReport | null> {
    if (!this.deps.pager.contact(name)) {
      this.deps.store.getState().showFlash(`no contact ${name} (configured: ${this.contacts().join(', ') || 'none'})`, 'error');
      return null;
    }
    const step = this.timer.next();
    return this.confirmAndPage(name, 'paged by hand (:page)', step && step.notify === name ? step : null);
  }

  private describe(name: string): string[] {
    const contact = this.deps.pager.contact(name);
    const channels = contact ? channelsOf(contact).map((c) => (c === 'slack' && contact.slack?.mention ? `slack (${contact.slack.mention})` : c)) : [];
    const lines = [`Who:      ${name}`, `Channels: ${channels.join(', ') || 'none configured'}`];
    if (isDryRun(this.deps.store)) lines.push('DRY-RUN: shown and recorded only; nothing is sent');
    return lines;
  }

  private async confirmAndPage(name: string, reason: string, step: PolicyStep | null): Promise<SendReport | null> {
    const { store } = this.deps;
    if (!mayAct(store, `paging ${name}`)) return null;
    if (this.paging.has(name)) {
      store.getState().showFlash(`${name} is being paged already`, 'warn');
      return null;
    }
    this.paging.add(name);
    try {
      const lines = this.describe(name);
      if (step) lines.push(`Policy:   step "after ${formatDuration(step.afterMs)}" (due ${this.dueText(step)})`);
      if (!(await askConfirm(store, { title: `Page ${name} now?`, lines }))) return null;
      if (step) this.timer.markDone(step.index);
      return await this.send(name, reason);
    } finally {
      this.paging.delete(name);
    }
  }

  private dueText(step: PolicyStep): string {
    const wait = this.timer.dueAt(step) - this.deps.clock.now();
    return wait <= 0 ? 'now' : `in ${formatDuration(wait)}`;
  }

  private async send(name: string, reason: string, automated = false): Promise<SendReport> {
    const { store, pager } = this.deps;
    const snapshot = incidentSnapshot(store.getState(), this.deps.clock.now());
    const dryRun = isDryRun(store);
    store.getState().showFlash(`paging ${name}…`, 'info');
    const report = await pager.page(name, snapshot, reason, dryRun, automated);
    const channels = `${report.delivered} channel${report.delivered === 1 ? '' : 's'}`;
    if (report.failures.length > 0) store.getState().showFlash(`✖ paging ${name} failed: ${report.failures.join('; ')}`, 'error', 30_000);
    // A drill sends nothing: the flash must not say it paged anyone.
    else if (dryRun) store.getState().showFlash(`dry run: ${name} not paged (would go to ${channels}); recorded only`, 'info');
    else store.getState().showFlash(`✔ paged ${name} (${channels})`, 'info');
    return report;
  }

  /**
   * Every console of the incident runs the policy clock: the one whose claim comes first pages,
   * the others say who did. A claim that cannot be recorded does not stop the page: a contact
   * paged twice beats one never paged.
   */
  private async claimAutoPage(step: PolicyStep): Promise<boolean> {
    const { recorder, store } = this.deps;
    if (!recorder.claim) return true;
    const claim = await recorder.claim(`page:${step.index}:${step.notify}`, { contact: step.notify, step: step.index });
    if (claim === null) {
      store.getState().showFlash(`☎ paging ${step.notify} without a claim (journal not writable): another console may page too`, 'warn', 30_000);
      return true;
    }
    if (!claim.won) store.getState().showFlash(`☎ ${step.notify} is paged by ${claim.by}'s console (it claimed the automatic page first)`, 'info', 30_000);
    return claim.won;
  }

  private async onDue(step: PolicyStep): Promise<void> {
    const { store, recorder } = this.deps;
    const state = store.getState();
    if (state.incident.resolvedAt !== null) return this.stop();
    // A read-only console shows the countdown but leaves paging to the lead's console.
    if (isReadOnly(store)) return this.timer.markFired(step.index);
    if (this.deps.escalation?.auto) {
      this.timer.markDone(step.index);
      if (!(await this.claimAutoPage(step))) return;
      await this.send(step.notify, `policy: after ${formatDuration(step.afterMs)} (auto)`, true);
      return;
    }
    // The prompt is the header and a flash, not a dialog: a dialog opened by a timer could take
    // a 'y' typed for something else, and it would hide the shared screen.
    recorder.record('escalation.prompted', { contact: step.notify, afterMs: step.afterMs });
    this.timer.markFired(step.index);
    store.getState().showFlash(`☎ escalation due: ${step.notify} — press P to page (after a confirmation)`, 'warn', 60_000);
  }
}
