// The runbooks of a folder, parsed once each (again when a file changes), for the `r` picker,
// which shows titles rather than file names, and for suggesting the runbook that fits what the
// console sees before any runbook is open.
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { listRunbooks, loadRunbook } from './load.js';
import type { Runbook } from './model.js';
import { suggestSections, type ObservedState, type SectionSuggestion } from './symptoms.js';

/** One file of the folder: its title, and the parsed runbook or why it could not be read. */
export interface CatalogEntry {
  file: string;
  title: string;
  runbook?: Runbook;
  error?: string;
}

/** Reads a folder's runbooks through the (worker-thread) loader, caching each by size and modification time. */
export class RunbookCatalog {
  private readonly cache = new Map<string, { key: string; entry: CatalogEntry }>();

  constructor(private readonly load: (file: string) => Promise<Runbook> = (file) => loadRunbook(file)) {}

  /** Every runbook of the folder, in file-name order. */
  async entries(dir: string): Promise<CatalogEntry[]> {
    const out: CatalogEntry[] = [];
    for (const file of await listRunbooks(dir)) {
      let key: string;
      try {
        const info = await stat(file);
        key = `${info.size}:${info.mtimeMs}`;
      } catch {
        continue;
      }
      const cached = this.cache.get(file);
      if (cached?.key === key) {
        out.push(cached.entry);
        continue;
      }
      let entry: CatalogEntry;
      try {
        const runbook = await this.load(file);
        entry = { file, title: runbook.title, runbook };
      } catch (error) {
        entry = { file, title: basename(file), error: (error as Error).message };
      }
      this.cache.set(file, { key, entry });
      out.push(entry);
    }
    return out;
  }
}

/** The best-fitting section of each runbook for what is seen, best first; each names its file and runbook. */
export function suggestRunbooks(entries: readonly CatalogEntry[], seen: ObservedState, limit = 3): SectionSuggestion[] {
  const out: SectionSuggestion[] = [];
  for (const entry of entries) {
    const best = entry.runbook ? suggestSections(entry.runbook, seen, 1)[0] : undefined;
    // The runbook's title says where it is: the section's own title is enough beside it.
    if (best) out.push({ ...best, title: entry.runbook!.sections[best.index]!.title, file: entry.file, runbook: entry.title });
  }
  return out.sort((a, b) => b.score - a.score).slice(0, limit);
}

/** Suggestions from a folder's runbooks, one scan at a time: a state seen during a scan is scanned next, older ones are dropped. */
export class FolderSuggestions {
  private running: Promise<SectionSuggestion[]> | null = null;
  private latest: ObservedState | null = null;

  constructor(private readonly catalog: RunbookCatalog) {}

  /** The suggestions for `seen`; null when a newer state superseded it while the folder was read. */
  async suggest(dir: string, seen: ObservedState): Promise<SectionSuggestion[] | null> {
    this.latest = seen;
    if (this.running) return null;
    try {
      let result: SectionSuggestion[] = [];
      while (this.latest) {
        const state: ObservedState = this.latest;
        this.latest = null;
        this.running = this.catalog.entries(dir).then((entries) => suggestRunbooks(entries, state));
        result = await this.running;
      }
      return result;
    } finally {
      this.running = null;
    }
  }
}
