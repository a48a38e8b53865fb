// `/` in the runbook pane: the next place, after the cursor and wrapping around, whose words
// contain the query (section titles, step text, commands, details).
import { askText } from '../mode/ask.js';
import type { RunbookHost } from './host.js';
import type { Runbook } from './model.js';
import type { RunbookCursor } from './places.js';

/** A search hit: a section, and the step in it (0 when the section title matched). */
export interface SearchHit {
  section: number;
  step: number;
}

/** Finds the next match after `from`, case-insensitively; null when nothing matches. */
export function findInRunbook(runbook: Runbook, query: string, from: { section: number; step: number }): SearchHit | null {
  const needle = query.toLowerCase();
  const places: (SearchHit & { text: string })[] = [];
  runbook.sections.forEach((section, s) => {
    places.push({ section: s, step: -1, text: section.title });
    section.steps.forEach((step, i) => {
      places.push({ section: s, step: i, text: [step.text, ...step.commands.map((c) => c.run), ...step.details].join('\n') });
    });
  });
  const start = places.findIndex((p) => p.section === from.section && p.step === from.step);
  for (let k = 1; k <= places.length; k++) {
    const place = places[(start + k + places.length) % places.length]!;
    if (place.text.toLowerCase().includes(needle)) return { section: place.section, step: Math.max(0, place.step) };
  }
  return null;
}

/**
 * `/` in the runbook pane: asks for the text and returns where the next section or step mentioning
 * it is, after `cursor` (null, saying so, when none does). The field starts empty (text typed
 * after a pre-filled query ran into it); Enter alone searches for the last query again.
 */
export async function searchRunbook(store: RunbookHost, cursor: RunbookCursor): Promise<RunbookCursor | null> {
  const state = store.getState();
  const doc = state.runbook.doc;
  if (!doc) return null;
  const last = state.runbook.lastSearch;
  const typed = await askText(store, { title: 'Search the runbook', prompt: '/', ...(last ? { lines: [`Enter alone searches for "${last}" again.`] } : {}) });
  if (typed === null) return null;
  const query = typed.trim() || last;
  if (query === '') return null;
  const hit = findInRunbook(doc, query, cursor);
  state.setRunbook({ lastSearch: query });
  if (!hit) {
    store.getState().showFlash(`no step or section mentions "${query}"`, 'warn');
    return null;
  }
  return { section: hit.section, step: hit.step, command: -1 };
}
