// `/` in the runbook pane: the next place, after the cursor and wrapping around, whose words
// contain the query (section titles, step text, commands, details).
import type { Runbook } from './model.js';

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
