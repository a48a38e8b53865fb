// The timeline in a running console: feeds the store's window from the journal (own events and
// other processes' alike, batched), keeps the header's severity/resolution in step with events
// other operators record, and offers notes and export to the views.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Capability, CapabilityFactory } from '../engine/capability.js';
import { exportMarkdown } from '../export/index.js';
import type { WarroomStore } from '../store/store.js';
import { TIMELINE_WINDOW } from '../store/timeline.js';
import type { Severity } from '../config/types.js';
import { recordNotes } from './backfill.js';
import { isBookkeeping, sortByTime, type TimelineEvent } from './event.js';
import { summarizeIncident } from './incident-state.js';
import { IncidentControls } from './incident-controls.js';
import { TimelineJournal, type JournalHealth } from './journal.js';
import { keyTimes, MILESTONES, type MilestoneName } from './key-times.js';
import { roleHistory, ROLES } from './roles.js';

/** Kinds that never change the incident's state (severity, roles, milestones) once it is acknowledged. */
const QUIET_KINDS: ReadonlySet<string> = new Set(['note', 'log.evidence', 'runbook.step', 'metric.panel-added', 'host.connection', 'operator.joined', 'operator.left']);

/** Name of the post-mortem draft `:export` writes into the incident folder. */
export const POSTMORTEM_FILE = 'postmortem.md';

/** Feeds one journal into one store while the console runs. */
export class TimelineFeed implements Capability {
  readonly name = 'timeline';
  // Shows the console's last words (who left) before it stops.
  readonly carriesRecord = true;
  private pending: TimelineEvent[] = [];
  /** New events reach the store at the pacer's beat: one commit per beat, whatever the event rate. */
  private readonly flushPaced = () => this.flush();
  private unsubscribe: (() => void)[] = [];

  constructor(
    private readonly journal: TimelineJournal,
    private readonly store: WarroomStore,
  ) {}

  /** Seeds the window and starts following. */
  start(): void {
    const state = this.store.getState();
    // Sync bookkeeping (share.*) is the journal's own business, not the incident's.
    const all = sortByTime(this.journal.events().filter((e) => !isBookkeeping(e)));
    state.addTimelineEvents(all.slice(-TIMELINE_WINDOW));
    this.store.setState({ timeline: { ...this.store.getState().timeline, total: all.length } });
    this.syncIncident();
    for (const warning of this.journal.warnings) state.showFlash(warning, 'warn', 15_000);
    this.unsubscribe.push(
      this.journal.onEvents((added) => {
        const shown = added.filter((e) => !isBookkeeping(e));
        if (shown.length === 0) return;
        this.pending.push(...shown);
        this.store.pacer.request(this.flushPaced);
      }),
      this.journal.onWarning((message) => this.store.getState().showFlash(message, 'error', 15_000)),
      this.journal.onHealth((health) => this.showHealth(health)),
    );
    this.showHealth(this.journal.health());
    state.setTimelineActions({
      addNotes: (input) => recordNotes(this.journal, input),
      exportMarkdown: () => {
        const path = join(this.journal.dir, POSTMORTEM_FILE);
        writeFileSync(path, exportMarkdown(this.journal.dir, { redactor: this.journal.redact }));
        return path;
      },
      redact: this.journal.redact,
      incident: new IncidentControls(this.store, this.journal),
    });
  }

  /** Stops feeding; the journal itself is closed by whoever opened it. */
  stop(): void {
    this.flush();
    for (const off of this.unsubscribe) off();
    this.unsubscribe = [];
    this.store.getState().setTimelineActions(null);
  }

  private showHealth(health: JournalHealth): void {
    const state = this.store.getState();
    const wasFailing = state.journalStatus.error !== null;
    state.setJournalStatus(health);
    if (wasFailing && health.error === null) state.showFlash('journal writable again: held events saved', 'info', 10_000);
  }

  private flush(): void {
    this.store.pacer.cancel(this.flushPaced);
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    this.store.getState().addTimelineEvents(batch);
    // Notes and log evidence alone cannot move severity, roles or a milestone once acknowledged.
    if (batch.some((e) => !QUIET_KINDS.has(e.kind)) || this.store.getState().incident.milestones.acknowledged === undefined) this.syncIncident();
  }

  /** Severity, resolution, roles and milestones as the whole journal says, whoever changed them. */
  private syncIncident(): void {
    const events = sortByTime(this.journal.events());
    const summary = summarizeIncident(this.journal.id, events);
    const { holders } = roleHistory(events);
    const { milestones } = keyTimes(events);
    const reached: Partial<Record<MilestoneName, number>> = {};
    for (const name of MILESTONES) {
      const at = milestones[name].at;
      if (at !== null) reached[name] = at;
    }
    const incident = this.store.getState().incident;
    const same =
      incident.severity === summary.severity &&
      incident.resolvedAt === summary.resolvedAt &&
      ROLES.every((role) => incident.roles[role] === holders[role]) &&
      MILESTONES.every((name) => incident.milestones[name] === reached[name]);
    if (!same) {
      this.store.getState().setIncident({ severity: summary.severity as Severity, resolvedAt: summary.resolvedAt, roles: holders, milestones: reached });
    }
  }
}

/** The timeline capability: active when the console records into a journal. */
export const timelineCapability: CapabilityFactory = (context) =>
  context.recorder instanceof TimelineJournal ? new TimelineFeed(context.recorder, context.store) : null;
