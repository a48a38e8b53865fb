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
import { sortByTime, type TimelineEvent } from './event.js';
import { summarizeIncident } from './incident-state.js';
import { TimelineJournal, type JournalHealth } from './journal.js';

/** Name of the post-mortem draft `:export` writes into the incident folder. */
export const POSTMORTEM_FILE = 'postmortem.md';

/** Feeds one journal into one store while the console runs. */
export class TimelineFeed implements Capability {
  readonly name = 'timeline';
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
    const all = sortByTime(this.journal.events());
    state.addTimelineEvents(all.slice(-TIMELINE_WINDOW));
    this.store.setState({ timeline: { ...this.store.getState().timeline, total: all.length } });
    this.syncIncident();
    for (const warning of this.journal.warnings) state.showFlash(warning, 'warn', 15_000);
    this.unsubscribe.push(
      this.journal.onEvents((added) => {
        this.pending.push(...added);
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
    if (batch.some((e) => e.kind.startsWith('incident.'))) this.syncIncident();
  }

  /** Severity and resolution as the whole journal says, whoever changed them. */
  private syncIncident(): void {
    const summary = summarizeIncident(this.journal.id, this.journal.events());
    const incident = this.store.getState().incident;
    if (incident.severity !== summary.severity || incident.resolvedAt !== summary.resolvedAt) {
      this.store.getState().setIncident({ severity: summary.severity as Severity, resolvedAt: summary.resolvedAt });
    }
  }
}

/** The timeline capability: active when the console records into a journal. */
export const timelineCapability: CapabilityFactory = (context) =>
  context.recorder instanceof TimelineJournal ? new TimelineFeed(context.recorder, context.store) : null;
