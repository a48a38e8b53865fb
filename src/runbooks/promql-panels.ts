// The runbook pane's `a`: a step's PromQL blocks become live panels in the metrics pane, through
// the metrics capability (store.metrics.actions). Only reads metrics, so a read-only console may
// do it too. `<placeholders>` in a query are asked for first, the way Enter asks for a command's.
import { NO_PROMETHEUS_MESSAGE } from '../metrics/poller.js';
import type { RunbookHost } from './host.js';
import type { Command, Section, Step } from './model.js';
import { askPlaceholderValues } from './placeholder-prompt.js';
import { fillPlaceholders, findPlaceholders } from './placeholders.js';

/** Longest panel title taken from a step. */
const TITLE_MAX = 40;

/**
 * Adds each PromQL block of `step` as a metrics panel and says what became of each in a flash.
 * `remembered` holds placeholder values given earlier in the session (and receives new ones).
 */
export async function addStepPanels(store: RunbookHost, section: Section, step: Step, remembered: Record<string, string>): Promise<void> {
  const state = store.getState();
  const blocks = step.references.filter((r) => r.metricsPanel);
  if (blocks.length === 0) return state.showFlash('this step has no PromQL block to add as a metrics panel', 'info');
  const metrics = state.metrics.actions;
  if (!metrics) return state.showFlash(NO_PROMETHEUS_MESSAGE, 'warn');
  // Each block as a command-shaped question, so placeholders are asked the way Enter asks them.
  const asQueries: Command[] = blocks.map((b) => ({ run: b.text, placeholders: findPlaceholders(b.text).filter((p) => p.startsWith('<')), line: b.line }));
  const asked = await askPlaceholderValues(store, asQueries, {}, remembered);
  if (!asked) return;
  const runbook = store.getState().runbook.doc?.file ?? '';
  const base = shorten(panelTitle(step.text) || section.title || '', TITLE_MAX);
  const said: string[] = [];
  let tone: 'info' | 'warn' = 'info';
  asQueries.forEach((block, i) => {
    const query = fillPlaceholders(block.run, asked.values);
    const title = base === '' ? shorten(query.replace(/\s+/g, ' '), TITLE_MAX) : blocks.length > 1 ? `${base} #${i + 1}` : base;
    const outcome = metrics.addQueryPanel({ title, query, from: { runbook, section: section.title, step: step.text, line: block.line } });
    if (outcome.status === 'added') said.push(`added metrics panel "${outcome.title}" (on the metrics pane)`);
    else if (outcome.status === 'exists') said.push(`already a metrics panel: "${outcome.title}"`);
    else {
      said.push(outcome.message);
      tone = 'warn';
    }
  });
  store.getState().showFlash([...new Set(said)].join('; '), tone);
}

/** A step's text as a panel title: without its trailing colon or parenthesis ("Errors (if any):" → "Errors"). */
function panelTitle(text: string): string {
  return text.replace(/\s*\([^()]*\)\s*:?\s*$/, '').replace(/\s*:\s*$/, '').trim();
}

/** Text cut to `max` characters with an ellipsis. */
function shorten(text: string, max: number): string {
  const t = text.trim();
  return t.length <= max ? t : `${t.slice(0, max - 1)}…`;
}
