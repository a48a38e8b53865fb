// Where the incident lead is in a runbook: which steps are done, skipped (and why), noted or run.
// Every change goes to the timeline as a 'runbook.step' event, and the same events rebuild the
// progress when the incident is reopened, so the timeline is the only record kept.
import { basename } from 'node:path';
import type { TimelineRecorder } from '../timeline/recorder.js';
import type { Runbook, Section, Step } from './model.js';

/** A step's state in this incident. */
export type StepStatus = 'open' | 'done' | 'skipped';

/** The last time a step's command ran. */
export interface StepRun {
  command: string;
  host?: string;
  exitCode: number | null;
  durationMs: number;
}

/** Everything known about one step. */
export interface StepState {
  status: StepStatus;
  reason?: string;
  notes: string[];
  lastRun?: StepRun;
}

/** One change to a step, as applied and as recorded (`status` is the event, not the resulting state). */
export type ProgressEvent =
  | { status: 'done' | 'undone' }
  | { status: 'skipped'; reason: string }
  | { status: 'noted'; note: string }
  | ({ status: 'ran'; tail?: string[]; dryRun?: boolean; /** the step's choice it ran */ choice?: string; /** stopped by the lead */ stopped?: boolean } & StepRun);

/** A timeline event as read back from the journal (only kind and data are needed here). */
export interface PastEvent {
  kind: string;
  data: Record<string, unknown>;
}

/**
 * Tracks and records progress through one runbook. Only the steps that are not plainly open are
 * kept (checked off in the file, or changed in this incident): a runbook of 90,000 steps made as
 * many states, and copied them into the store on every key that changed one.
 */
export class RunbookProgress {
  private readonly states = new Map<number, StepState>();
  /** The runbook's steps by line, made when an event from the timeline first needs one. */
  private byLine: Map<number, Step> | null = null;
  /** True while this progress is writing its own event (a journal publishes it back synchronously). */
  recording = false;

  /** @param recorder where changes are recorded; omit to track without recording (restores, previews). */
  constructor(
    readonly runbook: Runbook,
    private readonly recorder?: TimelineRecorder,
  ) {
    for (const section of runbook.sections) {
      for (const step of section.steps) if (step.done) this.states.set(step.line, { status: 'done', notes: [] });
    }
  }

  /** Rebuilds progress from past timeline events (other runbooks' events are ignored); nothing is re-recorded. */
  static restore(runbook: Runbook, events: readonly PastEvent[], recorder?: TimelineRecorder): RunbookProgress {
    const progress = new RunbookProgress(runbook, recorder);
    for (const event of events) progress.applyPast(event);
    return progress;
  }

  /** Applies an event read from the timeline (a past one, or another operator's) without recording it; true when it changed a step. */
  applyPast(event: PastEvent): boolean {
    if (event.kind !== 'runbook.step' || !sameRunbook(String(event.data.runbook ?? ''), this.runbook.file)) return false;
    const step = this.findStep(Number(event.data.line), String(event.data.text ?? ''));
    const change = readEvent(event.data);
    if (!step || !change) return false;
    this.change(step, change);
    return true;
  }

  /** The state of a step (open when unknown). */
  state(step: Step): StepState {
    return this.states.get(step.line) ?? { status: 'open', notes: [] };
  }

  /** Applies a change and records it on the timeline. */
  apply(section: Section, step: Step, event: ProgressEvent): void {
    this.change(step, event);
    this.recording = true;
    try {
      this.record(section, step, event);
    } finally {
      this.recording = false;
    }
  }

  private record(section: Section, step: Step, event: ProgressEvent): void {
    this.recorder?.record('runbook.step', {
      runbook: this.runbook.file,
      section: section.title,
      line: step.line,
      text: step.text,
      ...event,
    });
  }

  /** Index of the first step of a section that is neither done nor skipped, or -1. */
  nextOpen(section: Section): number {
    return section.steps.findIndex((step) => this.state(step).status === 'open');
  }

  /** Counts for a progress line ("4/9 done, 1 skipped"). */
  counts(): { total: number; done: number; skipped: number } {
    let done = 0;
    let skipped = 0;
    for (const state of this.states.values()) {
      if (state.status === 'done') done++;
      if (state.status === 'skipped') skipped++;
    }
    return { total: this.runbook.sections.reduce((n, section) => n + section.steps.length, 0), done, skipped };
  }

  /** The steps that are not plainly open, by line: what the pane is given (a step not in it is open, without notes). */
  changed(): Record<number, StepState> {
    return Object.fromEntries(this.states);
  }

  private change(step: Step, event: ProgressEvent): void {
    const prev = this.state(step);
    const next: StepState = { ...prev, notes: [...prev.notes] };
    switch (event.status) {
      case 'done':
        next.status = 'done';
        delete next.reason;
        break;
      case 'undone':
        next.status = 'open';
        delete next.reason;
        break;
      case 'skipped':
        next.status = 'skipped';
        next.reason = event.reason;
        break;
      case 'noted':
        next.notes.push(event.note);
        break;
      case 'ran': {
        const run: StepRun = { command: event.command, exitCode: event.exitCode, durationMs: event.durationMs };
        if (event.host !== undefined) run.host = event.host;
        next.lastRun = run;
        break;
      }
    }
    this.states.set(step.line, next);
  }

  /** The step an old event meant: same line and text, else the same text moved elsewhere (the file was edited). */
  private findStep(line: number, text: string): Step | undefined {
    if (!this.byLine) {
      this.byLine = new Map();
      for (const section of this.runbook.sections) for (const step of section.steps) this.byLine.set(step.line, step);
    }
    const atLine = this.byLine.get(line);
    if (atLine?.text === text) return atLine;
    for (const section of this.runbook.sections) for (const step of section.steps) if (step.text === text) return step;
    return undefined;
  }
}

function sameRunbook(recorded: string, file: string): boolean {
  return recorded === file || (recorded !== '' && basename(recorded) === basename(file));
}

function readEvent(data: Record<string, unknown>): ProgressEvent | undefined {
  switch (data.status) {
    case 'done':
    case 'undone':
      return { status: data.status };
    case 'skipped':
      return { status: 'skipped', reason: String(data.reason ?? '') };
    case 'noted':
      return { status: 'noted', note: String(data.note ?? '') };
    case 'ran': {
      const event: ProgressEvent = {
        status: 'ran',
        command: String(data.command ?? ''),
        exitCode: typeof data.exitCode === 'number' ? data.exitCode : null,
        durationMs: typeof data.durationMs === 'number' ? data.durationMs : 0,
      };
      if (typeof data.host === 'string') event.host = data.host;
      return event;
    }
    default:
      return undefined;
  }
}
