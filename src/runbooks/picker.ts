// The `r` picker: the folder's runbooks by title (the file name only when two share a title or
// one cannot be read), the one that fits what the console sees marked ★ and opened by Enter alone.
import { basename } from 'node:path';
import { suggestRunbooks, type RunbookCatalog } from './catalog.js';
import type { Asker } from './step-choice.js';
import type { ObservedState } from './symptoms.js';

/** The file to open, and the section of it that was suggested. */
export interface PickedRunbook {
  file: string;
  section?: number;
}

/** Asks which runbook of `dir` to open, given what the console sees; null when cancelled or nothing matches (a message says why). */
export async function pickRunbook(asker: Asker, catalog: RunbookCatalog, dir: string | undefined, seen: ObservedState): Promise<PickedRunbook | null> {
  const entries = dir ? await catalog.entries(dir) : [];
  if (entries.length === 0) {
    asker.warn(dir ? `no runbooks (*.md) in ${dir}` : 'no runbooks folder configured (incident.runbooksDir)');
    return null;
  }
  const shown = entries.slice(0, 20);
  const suggested = suggestRunbooks(shown, seen, 1)[0];
  const titles = shown.map((e) => e.title);
  const lines = shown.map((entry, i) => {
    const twin = titles.indexOf(entry.title) !== titles.lastIndexOf(entry.title);
    const name = entry.error ? `${basename(entry.file)} — not readable: ${entry.error}` : twin ? `${entry.title} (${basename(entry.file)})` : entry.title;
    const star = suggested?.file === entry.file ? `  ★ ${suggested.title} (${suggested.reason})` : '';
    return `${i + 1}. ${name}${star}`;
  });
  if (entries.length > shown.length) lines.push(`… ${entries.length - shown.length} more: type part of a title`);
  const answer = await asker.ask({
    title: `Open which runbook? (number or title${suggested ? '; Enter alone opens ★' : ''})`,
    lines,
    prompt: '#',
  });
  if (answer === null) return null;
  const wanted = answer.trim().toLowerCase();
  if (wanted === '') return suggested?.file ? { file: suggested.file, section: suggested.index } : null;
  const n = Number(wanted);
  const entry = Number.isInteger(n) && n >= 1 && n <= shown.length
    ? shown[n - 1]
    : entries.find((e) => e.title.toLowerCase().includes(wanted)) ?? entries.find((e) => basename(e.file).toLowerCase().includes(wanted));
  if (!entry) {
    asker.warn(`no runbook matches "${answer.trim()}"`);
    return null;
  }
  return { file: entry.file, ...(suggested?.file === entry.file ? { section: suggested.index } : {}) };
}
