// The runbook capability's behaviour behind the pane's keys: asks for placeholder values,
// confirms with the exact command and host, runs through the execution layer, records progress
// on the timeline and keeps the store's runbook slice current. No React here: dialogs go through
// the store (askConfirm/askText) and the App draws them.
import { basename, dirname } from 'node:path';
import type { Executor } from '../exec/types.js';
import { isDryRun, mayAct } from '../mode/mode-guard.js';
import { askConfirm, askText } from '../store/dialog.js';
import type { RunbookActions, RunbookOutput } from '../store/runbook.js';
import type { WarroomStore } from '../store/store.js';
import type { TimelineRecorder } from '../timeline/recorder.js';
import { redact, type Redactor } from '../text/redact.js';
import { listRunbooks, loadRunbook } from './load.js';
import type { Runbook, Section, Step } from './model.js';
import { askPlaceholderValues } from './placeholder-prompt.js';
import { RunbookProgress, type PastEvent, type StepState } from './progress.js';
import { addStepPanels } from './promql-panels.js';
import { prepareCommand, recordedCommand, runPreparedCommand, type PreparedCommand } from './run-step.js';
import { confirmStep } from './step-confirmation.js';
import { findInRunbook } from './search.js';
import { suggestSections, type ObservedState } from './symptoms.js';

/** What the controller needs from the console. */
export interface RunbookControllerOptions {
  store: WarroomStore;
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
}

/** Lines of output kept for the output view. */
const VIEW_LINES = 500;

/** Drives one console's runbook pane. */
export class RunbookController implements RunbookActions {
  private progress: RunbookProgress | null = null;
  private readonly values: Record<string, string> = {};
  private abort: AbortController | null = null;

  constructor(private readonly options: RunbookControllerOptions) {}

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

  /** Loads a runbook file and restores its progress; a file that cannot be read is shown as a message. */
  async open(path: string): Promise<boolean> {
    let runbook: Runbook;
    try {
      runbook = await loadRunbook(path);
    } catch (error) {
      this.options.store.getState().setRunbook({ error: (error as Error).message });
      return false;
    }
    const events = (await this.options.pastEvents?.()) ?? [];
    this.show(runbook, events);
    return true;
  }

  /** Shows a parsed runbook, with progress rebuilt from past events. */
  show(runbook: Runbook, events: readonly PastEvent[] = []): void {
    this.progress = RunbookProgress.restore(runbook, events, this.options.recorder);
    const suggestions = suggestSections(runbook, this.options.store.getState().runbook.observed);
    const state = this.options.store.getState();
    state.setRunbook({ doc: runbook, error: null, output: null, suggestions, states: this.snapshot() });
    const first = suggestions[0]?.index ?? runbook.sections.findIndex((s) => this.progress!.nextOpen(s) >= 0);
    state.setRunbookSection(Math.max(0, first));
  }

  /** Applies runbook events another operator (or console) put on the timeline; our own come back while recording and are skipped. */
  private adopt(added: readonly PastEvent[]): void {
    const progress = this.progress;
    if (!progress || progress.recording) return;
    let changed = false;
    for (const event of added) changed = progress.applyPast(event) || changed;
    if (changed) this.commit(false);
  }

  /** Updates the suggested sections from what the status board and metrics see (commits only on change). */
  observe(seen: ObservedState): void {
    const doc = this.options.store.getState().runbook.doc;
    if (!doc) return;
    const suggestions = suggestSections(doc, seen);
    const current = this.options.store.getState().runbook.suggestions;
    if (JSON.stringify(suggestions) !== JSON.stringify(current)) this.options.store.getState().setRunbook({ suggestions });
  }

  /** Space: done ⇄ open; marking done moves the cursor to the next open step. */
  toggleDone(): void {
    const at = this.current();
    if (!at || !this.progress) return;
    const done = this.progress.state(at.step).status === 'done';
    this.progress.apply(at.section, at.step, { status: done ? 'undone' : 'done' });
    this.commit(!done);
  }

  /** `s`: skip the step, with a reason. */
  async skip(): Promise<void> {
    const at = this.current();
    if (!at || !this.progress) return;
    const reason = await askText(this.options.store, { title: `Skip "${at.step.text}"`, prompt: 'reason:' });
    if (reason === null) return;
    this.progress.apply(at.section, at.step, { status: 'skipped', reason: reason.trim() || 'no reason given' });
    this.commit(true);
  }

  /** `n`: a note on the step (recorded with it on the timeline). */
  async note(): Promise<void> {
    const at = this.current();
    if (!at || !this.progress) return;
    const note = await askText(this.options.store, { title: `Note on "${at.step.text}"`, prompt: 'note:' });
    if (note === null || note.trim() === '') return;
    this.progress.apply(at.section, at.step, { status: 'noted', note: note.trim() });
    this.commit(false);
  }

  /** `/`: moves to the next section or step mentioning the text. */
  async search(): Promise<void> {
    const state = this.options.store.getState();
    const doc = state.runbook.doc;
    if (!doc) return;
    const query = await askText(this.options.store, { title: 'Search the runbook', prompt: '/', initial: state.runbook.lastSearch });
    if (query === null || query.trim() === '') return;
    const hit = findInRunbook(doc, query.trim(), state.runbook.cursor);
    if (!hit) {
      state.setRunbook({ lastSearch: query.trim() });
      state.showFlash(`no step or section mentions "${query.trim()}"`, 'warn');
      return;
    }
    state.setRunbook({ lastSearch: query.trim(), cursor: { section: hit.section, step: hit.step, command: -1 } });
  }

  /** `r`: picks another runbook from the runbooks folder. */
  async pick(): Promise<void> {
    const state = this.options.store.getState();
    const dir = this.options.runbooksDir ?? (state.runbook.doc ? dirname(state.runbook.doc.file) : undefined);
    const files = dir ? await listRunbooks(dir) : [];
    if (files.length === 0) {
      state.showFlash(dir ? `no runbooks (*.md) in ${dir}` : 'no runbooks folder configured (incident.runbooksDir)', 'warn');
      return;
    }
    const answer = await askText(this.options.store, {
      title: 'Open which runbook? (number or name)',
      lines: files.slice(0, 20).map((f, i) => `${i + 1}. ${basename(f)}`),
      prompt: '#',
    });
    if (answer === null || answer.trim() === '') return;
    const n = Number(answer.trim());
    const file = Number.isInteger(n) && n >= 1 && n <= files.length ? files[n - 1] : files.find((f) => basename(f).toLowerCase().includes(answer.trim().toLowerCase()));
    if (!file) {
      state.showFlash(`no runbook matches "${answer.trim()}"`, 'warn');
      return;
    }
    await this.open(file);
  }

  /** `a`: the step's PromQL blocks become live panels in the metrics pane (see promql-panels.ts). */
  async addPanel(): Promise<void> {
    const at = this.current();
    if (at) await addStepPanels(this.options.store, at.section, at.step, this.values);
  }

  /** Enter: runs the command under the cursor, or all of the step's commands in order (stopping at the first failure). */
  async run(): Promise<void> {
    const at = this.current();
    const state = this.options.store.getState();
    if (!at || !this.progress) return;
    if (state.runbook.output?.running) return state.showFlash('a command is still running', 'warn');
    if (!mayAct(this.options.store, 'running runbook commands')) return;
    const commands = at.command >= 0 ? [at.step.commands[at.command]!] : at.step.commands;
    if (commands.length === 0) return state.showFlash('this step has no command to run; Space marks it done', 'info');
    const asked = await askPlaceholderValues(this.options.store, commands, this.options.env ?? process.env, this.values);
    if (!asked) return;
    // What is shown (confirmation, output header, timeline) has its secrets masked; `run` keeps them.
    const redactor = this.options.redactor ?? redact;
    const prepared = commands.map((c) => {
      const p = prepareCommand(c, asked.values);
      return { ...p, shown: redactor(p.shown) };
    });
    const dryRun = isDryRun(this.options.store);
    // The exact text each command runs, its values by name, and a typed confirmation when it destroys data.
    const confirmation = await confirmStep(at.step.text, prepared, asked.sources, dryRun);
    if (confirmation.refused) return state.showFlash(confirmation.refused, 'error');
    const yes = await askConfirm(this.options.store, confirmation);
    if (!yes) return;
    for (const command of prepared) {
      const exitCode = await this.runOne(at.section, at.step, command, dryRun);
      if (exitCode !== 0 && !dryRun) break;
    }
  }

  private async runOne(section: Section, step: Step, command: PreparedCommand, dryRun: boolean): Promise<number | null> {
    const { store } = this.options;
    const base: RunbookOutput = { shown: command.shown, lines: [], running: true, exitCode: null, durationMs: 0, ...(command.host ? { host: command.host } : {}) };
    if (dryRun) {
      const output: RunbookOutput = { ...base, running: false, dryRun: true, lines: ['[dry-run] not executed'] };
      store.getState().setRunbook({ output });
      this.progress!.apply(section, step, { status: 'ran', command: recordedCommand(command), exitCode: null, durationMs: 0, dryRun: true, ...(command.host ? { host: command.host } : {}) });
      this.commit(false);
      return null;
    }
    const id = `runbook:${step.line}`;
    store.getState().setRunning(id, `runbook: ${command.shown.split('\n')[0]}`);
    store.getState().setRunbook({ output: base });
    this.abort = new AbortController();
    const lines: string[] = [];
    // Streamed output reaches the store at the pacer's beat, in the same frame as everything else.
    const flush = () => {
      const output = store.getState().runbook.output;
      if (output?.running) store.getState().setRunbook({ output: { ...output, lines: lines.slice(-VIEW_LINES) } });
    };
    try {
      const outcome = await runPreparedCommand(this.options.executor, command, {
        redactor: this.options.redactor ?? redact,
        signal: this.abort.signal,
        timeoutMs: this.options.timeoutMs ?? 120_000,
        onLine: (line) => {
          lines.push(line);
          if (lines.length > VIEW_LINES * 2) lines.splice(0, lines.length - VIEW_LINES);
          store.pacer.request(flush);
        },
      });
      const output: RunbookOutput = {
        ...base,
        lines: outcome.output.tail(VIEW_LINES),
        running: false,
        exitCode: outcome.exitCode,
        durationMs: outcome.durationMs,
        ...(outcome.error ? { error: outcome.error } : {}),
      };
      store.getState().setRunbook({ output });
      this.progress!.apply(section, step, {
        status: 'ran',
        command: recordedCommand(command),
        exitCode: outcome.exitCode,
        durationMs: outcome.durationMs,
        tail: outcome.tail,
        ...(command.host ? { host: command.host } : {}),
      });
      this.commit(false);
      return outcome.exitCode;
    } finally {
      store.pacer.cancel(flush);
      this.abort = null;
      store.getState().setRunning(id, null);
    }
  }

  /** The section and step under the cursor. */
  private current(): { section: Section; step: Step; command: number } | null {
    const { doc, cursor } = this.options.store.getState().runbook;
    const section = doc?.sections[cursor.section];
    const step = section?.steps[cursor.step];
    return section && step ? { section, step, command: step.commands.length > 1 ? cursor.command : -1 } : null;
  }

  /** Publishes step states; `advance` moves the cursor to the next open step of the section. */
  private commit(advance: boolean): void {
    const state = this.options.store.getState();
    const states = this.snapshot();
    const { doc, cursor } = state.runbook;
    const section = doc?.sections[cursor.section];
    if (advance && section && this.progress) {
      const next = this.progress.nextOpen(section);
      if (next >= 0) return state.setRunbook({ states, cursor: { section: cursor.section, step: next, command: -1 } });
    }
    state.setRunbook({ states });
  }

  private snapshot(): Record<number, StepState> {
    const out: Record<number, StepState> = {};
    if (!this.progress) return out;
    for (const section of this.progress.runbook.sections) for (const step of section.steps) out[step.line] = this.progress.state(step);
    return out;
  }
}
