// The runbook capability's behaviour behind the pane's keys: opens runbooks, approves a step
// (step-approval.ts) and runs it where the pane shows it (shown-run.ts), records progress on the
// timeline and keeps the pane's data current through what it declares it needs (host.ts). No
// React here: questions go through src/mode/ask.ts and the views draw them.
import { basename, dirname } from 'node:path';
import type { Executor } from '../exec/types.js';
import { isDryRun, mayAct } from '../mode/mode-guard.js';
import { askText } from '../mode/ask.js';
import type { RunbookHost } from './host.js';
import type { TimelineRecorder } from '../timeline/recorder.js';
import { redact, type Redactor } from '../text/redact.js';
import { loadRunbook } from './load.js';
import type { Runbook, Section, Step } from './model.js';
import type { HostDescriber } from './host-notes.js';
import { sectionStart, type RunbookCursor } from './places.js';
import { RunbookProgress, type PastEvent } from './progress.js';
import { addStepPanels } from './promql-panels.js';
import { recordedCommand, type PreparedCommand } from './run-step.js';
import { approveStep } from './step-approval.js';
import { runShown, showDryRun } from './shown-run.js';
import { searchRunbook } from './search.js';
import type { Asker } from './step-choice.js';
import { RunbookCatalog } from './catalog.js';
import { SuggestionFeed } from './suggestion-feed.js';
import { pickRunbook } from './picker.js';
import { sectionToOpen, type ObservedState } from './symptoms.js';

/** What the controller needs from the console. */
export interface RunbookControllerOptions {
  store: RunbookHost;
  recorder: TimelineRecorder;
  executor: Executor;
  /** Folder the `r` key lists; the open runbook's folder by default. */
  runbooksDir?: string;
  /** Offered as placeholder values (`$API_KEY`). @default process.env */
  env?: Readonly<Record<string, string | undefined>>;
  /** The incident's past events, to restore progress when a runbook is opened. */
  pastEvents?: () => readonly PastEvent[] | Promise<readonly PastEvent[]>;
  /** Subscribes to events as they reach the timeline (other operators' steps show live); returns the unsubscribe. */
  liveEvents?: (listener: (added: readonly PastEvent[]) => void) => () => void;
  /** Per command. @default 120000 */
  timeoutMs?: number;
  /** Masks secrets in the commands and output shown (the console's redactor). @default built-in rules only */
  redactor?: Redactor;
  /** Says where a host outside the config's `hosts:` really goes, for the confirmation. */
  describeHost?: HostDescriber;
}

/** How long a never-ending command may stream before it is stopped for the lead (12 hours). */
const STREAM_LIMIT_MS = 12 * 60 * 60 * 1000;

/** Drives one console's runbook pane. */
export class RunbookController {
  private progress: RunbookProgress | null = null;
  private readonly values: Record<string, string> = {};
  private abort: AbortController | null = null;
  /** The folder's runbooks, parsed once each: the picker's titles and the suggestion before one is open. */
  private readonly catalog = new RunbookCatalog();
  private readonly suggestions: SuggestionFeed;
  /**
   * Runbooks being opened. Meanwhile no runbook is open, yet none is suggested from the folder:
   * reading the folder would parse the very file being opened a second time, and every other
   * one, while the lead waits for it (a 2 MB runbook's second parse doubled the console's work).
   */
  private opening = 0;
  /** Questions and messages for the choice and the picker, through the store's dialog. */
  private readonly asker: Asker = {
    ask: (question) => askText(this.options.store, question),
    warn: (text) => this.options.store.getState().showFlash(text, 'warn'),
  };

  constructor(private readonly options: RunbookControllerOptions) {
    this.suggestions = new SuggestionFeed(options.store, this.catalog, options.runbooksDir);
  }

  private unsubscribe: (() => void) | null = null;

  /** Puts this controller behind the pane's keys, and follows other operators' progress. */
  attach(): void {
    this.options.store.getState().setRunbook({ actions: this });
    const unfollow = this.options.liveEvents?.((added) => this.adopt(added));
    // The status board and metrics report what they see through the store; suggestions follow it.
    const unwatch = this.options.store.subscribe((state, previous) => {
      if (state.runbook.observed !== previous.runbook.observed) this.observe(state.runbook.observed);
    });
    this.unsubscribe = () => {
      unfollow?.();
      unwatch();
    };
  }

  /** Detaches from the store and the timeline and cancels a running command. */
  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.abort?.abort();
    if (this.options.store.getState().runbook.actions === this) this.options.store.getState().setRunbook({ actions: null });
  }

  /** Loads a runbook file (parsed off the console's thread) and restores its progress; a file that cannot be read is shown as a message. */
  async open(path: string, section?: number): Promise<boolean> {
    const state = this.options.store.getState();
    const switching = state.runbook.doc !== null;
    if (switching) state.showFlash(`opening ${basename(path)}…`, 'info');
    let runbook: Runbook;
    this.opening++;
    try {
      runbook = await loadRunbook(path);
    } catch (error) {
      this.opening--;
      // A runbook already open stays open: the message says why the other one did not.
      if (switching) this.options.store.getState().showFlash((error as Error).message, 'error');
      else {
        this.options.store.getState().setRunbook({ error: (error as Error).message, suggestions: [] });
        // None opened: the folder's best fit for what is seen, as when none is configured.
        this.observe(this.options.store.getState().runbook.observed);
      }
      return false;
    }
    try {
      const events = (await this.options.pastEvents?.()) ?? [];
      this.show(runbook, events, section === undefined ? undefined : sectionToOpen(runbook, section));
    } finally {
      this.opening--;
    }
    return true;
  }

  /** Shows a parsed runbook, with progress rebuilt from past events; it opens at section `at` when given. */
  show(runbook: Runbook, events: readonly PastEvent[] = [], at?: number): void {
    this.progress = RunbookProgress.restore(runbook, events, this.options.recorder);
    // A long runbook's suggestions follow once scanned (suggestion-feed.ts): none meanwhile.
    const suggestions = this.suggestions.suggestFor(runbook, this.options.store.getState().runbook.observed) ?? [];
    const states = this.progress.changed();
    // It opens at its first open steps; the suggested section is one `g` away (the suggestion
    // changes as the console sees more, and a cursor moving by itself would misplace a key press).
    const first = at ?? runbook.sections.findIndex((s) => this.progress!.nextOpen(s) >= 0);
    const opensAt = sectionStart(runbook, states, Math.max(0, first));
    this.options.store.getState().setRunbook({ doc: runbook, error: null, output: null, suggestions, states, opensAt });
  }

  /** Applies runbook events another operator (or console) put on the timeline; our own come back while recording and are skipped. */
  private adopt(added: readonly PastEvent[]): void {
    const progress = this.progress;
    if (!progress || progress.recording) return;
    let changed = false;
    for (const event of added) changed = progress.applyPast(event) || changed;
    if (changed) this.commit(null);
  }

  /** Updates the suggested sections from what the status board, metrics and alerts see; with no runbook open, suggests one of the folder's. */
  observe(seen: ObservedState): void {
    if (this.opening > 0 && this.options.store.getState().runbook.doc === null) return;
    this.suggestions.observe(seen);
  }

  /** Space: done ⇄ open; marking done moves the cursor to the next open step. */
  toggleDone(cursor: RunbookCursor): RunbookCursor | null {
    const at = this.current(cursor);
    if (!at || !this.progress) return null;
    const done = this.progress.state(at.step).status === 'done';
    this.progress.apply(at.section, at.step, { status: done ? 'undone' : 'done' });
    return this.commit(!done ? cursor : null);
  }

  /** `s`: skip the step, with a reason. */
  async skip(cursor: RunbookCursor): Promise<RunbookCursor | null> {
    const at = this.current(cursor);
    if (!at || !this.progress) return null;
    const reason = await askText(this.options.store, { title: `Skip "${at.step.text}"`, prompt: 'reason:' });
    if (reason === null) return null;
    this.progress.apply(at.section, at.step, { status: 'skipped', reason: reason.trim() || 'no reason given' });
    return this.commit(cursor);
  }

  /** `n`: a note on the step (recorded with it on the timeline). */
  async note(cursor: RunbookCursor): Promise<void> {
    const at = this.current(cursor);
    if (!at || !this.progress) return;
    const note = await askText(this.options.store, { title: `Note on "${at.step.text}"`, prompt: 'note:' });
    if (note === null || note.trim() === '') return;
    this.progress.apply(at.section, at.step, { status: 'noted', note: note.trim() });
    this.commit(null);
  }

  /** `/`: the next section or step mentioning the text, after `cursor`. */
  search(cursor: RunbookCursor): Promise<RunbookCursor | null> {
    return searchRunbook(this.options.store, cursor);
  }

  /** `r`: picks another runbook from the runbooks folder, by title (picker.ts); the one fitting what the console sees is marked ★. */
  async pick(): Promise<void> {
    const state = this.options.store.getState();
    const dir = this.options.runbooksDir ?? (state.runbook.doc ? dirname(state.runbook.doc.file) : undefined);
    const picked = await pickRunbook(this.asker, this.catalog, dir, state.runbook.observed);
    if (picked) await this.open(picked.file, picked.section);
  }

  /** `a`: the step's PromQL blocks become live panels in the metrics pane (see promql-panels.ts). */
  async addPanel(cursor: RunbookCursor): Promise<void> {
    const at = this.current(cursor);
    if (at) await addStepPanels(this.options.store, at.section, at.step, this.values);
  }

  /** Enter: runs the command under the cursor, or all of the step's commands in order (stopping at the first failure). */
  async run(cursor: RunbookCursor): Promise<void> {
    const at = this.current(cursor);
    const state = this.options.store.getState();
    if (!at || !this.progress) return;
    if (state.runbook.output?.running) return state.showFlash('a command is still running — Esc or :cancel stops it', 'warn');
    if (!mayAct(this.options.store, 'running runbook commands')) return;
    if (at.step.commands.length === 0) return state.showFlash('this step has no command to run; Space marks it done', 'info');
    const dryRun = isDryRun(this.options.store);
    const approved = await approveStep(this.options.store, at.step, at.command, {
      asker: this.asker,
      env: this.options.env ?? process.env,
      remembered: this.values,
      redactor: this.options.redactor ?? redact,
      dryRun,
      ...(this.options.describeHost ? { describeHost: this.options.describeHost } : {}),
    });
    if (!approved) return;
    for (const [k, command] of approved.prepared.entries()) {
      const source = approved.commands[k]!;
      const exitCode = await this.runOne(at.section, at.step, command, dryRun, { ...(source.endless ? { endless: source.endless } : {}), ...(approved.choice ? { choice: approved.choice.label } : {}) });
      if (exitCode !== 0 && !dryRun) break;
    }
  }

  /** Esc or `:cancel` while a runbook command runs: stops it (its process group, or its SSH channel). */
  cancel(): boolean {
    if (!this.abort || !this.options.store.getState().runbook.output?.running) return false;
    this.abort.abort();
    this.options.store.getState().showFlash('stopping the runbook command…', 'warn');
    return true;
  }

  private async runOne(section: Section, step: Step, command: PreparedCommand, dryRun: boolean, about: { endless?: string; choice?: string } = {}): Promise<number | null> {
    const id = `runbook:${step.line}`;
    const choice = about.choice !== undefined ? { choice: about.choice } : {};
    const where = command.host ? { host: command.host } : {};
    if (dryRun) {
      showDryRun(this.options.store, id, command, about.endless);
      this.progress!.apply(section, step, { status: 'ran', command: recordedCommand(command), exitCode: null, durationMs: 0, dryRun: true, ...where, ...choice });
      this.commit(null);
      return null;
    }
    this.abort = new AbortController();
    try {
      const outcome = await runShown(this.options.store, command, {
        id,
        executor: this.options.executor,
        redactor: this.options.redactor ?? redact,
        signal: this.abort.signal,
        cancel: () => this.cancel(),
        // A command that never ends streams until the lead stops it, not until a timeout calls it failed.
        timeoutMs: about.endless ? STREAM_LIMIT_MS : (this.options.timeoutMs ?? 120_000),
        ...(about.endless ? { endless: about.endless } : {}),
      });
      this.progress!.apply(section, step, {
        status: 'ran',
        command: recordedCommand(command),
        exitCode: outcome.exitCode,
        durationMs: outcome.durationMs,
        tail: outcome.tail,
        ...where,
        ...(outcome.cancelled ? { stopped: true } : {}),
        ...choice,
      });
      this.commit(null);
      return outcome.exitCode;
    } finally {
      this.abort = null;
    }
  }

  /** The section and step under the pane's cursor. */
  private current(cursor: RunbookCursor): { section: Section; step: Step; command: number } | null {
    const { doc } = this.options.store.getState().runbook;
    const section = doc?.sections[cursor.section];
    const step = section?.steps[cursor.step];
    return section && step ? { section, step, command: step.commands.length > 1 ? cursor.command : -1 } : null;
  }

  /** Publishes step states; with `advanceFrom`, returns the next open step of its section (null when none is left). */
  private commit(advanceFrom: RunbookCursor | null): RunbookCursor | null {
    const state = this.options.store.getState();
    state.setRunbook({ states: this.progress?.changed() ?? {} });
    const section = advanceFrom ? state.runbook.doc?.sections[advanceFrom.section] : undefined;
    const next = section && this.progress ? this.progress.nextOpen(section) : -1;
    return advanceFrom && next >= 0 ? { section: advanceFrom.section, step: next, command: -1 } : null;
  }

}
