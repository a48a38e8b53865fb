// Incident folders under `timeline.dir`: opening a new incident, resuming one, listing them.
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Severity } from '../config/types.js';
import { readJournal } from './journal-file.js';
import { TimelineJournal, type JournalOptions } from './journal.js';
import { summarizeIncident, type IncidentSummary } from './incident-state.js';

/** The journal file inside an incident folder. */
export const JOURNAL_FILE = 'journal.jsonl';

/** What a new incident starts with. */
export interface NewIncident extends JournalOptions {
  title: string;
  severity: Severity;
  /** @default Date.now() */
  now?: number;
}

/** A short, path-safe slug of a title: its first two words. */
export function titleSlug(title: string): string {
  const words = title.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, ' ').trim().split(' ').filter(Boolean);
  return words.slice(0, 2).join('-').slice(0, 32) || 'incident';
}

/** The id an incident opened at `now` with `title` gets, before de-duplication. */
export function incidentIdFor(title: string, now: number): string {
  const iso = new Date(now).toISOString();
  return `INC-${iso.slice(0, 10).replace(/-/g, '')}-${iso.slice(11, 16).replace(':', '')}-${titleSlug(title)}`;
}

function fsyncDir(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Creates a new incident folder with a unique id and records `incident.opened`. */
export function openIncident(dir: string, incident: NewIncident): TimelineJournal {
  mkdirSync(dir, { recursive: true });
  const now = incident.now ?? Date.now();
  const base = incidentIdFor(incident.title, now);
  let id = base;
  // mkdir is atomic: two processes opening at the same minute get different ids.
  for (let n = 2; ; n += 1) {
    try {
      mkdirSync(join(dir, id));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      id = `${base}-${n}`;
    }
  }
  const folder = join(dir, id);
  const path = join(folder, JOURNAL_FILE);
  closeSync(openSync(path, 'a', 0o600));
  fsyncDir(folder);
  fsyncDir(dir);
  const journal = new TimelineJournal(id, folder, path, { events: [], size: 0, warnings: [] }, incident);
  journal.record('incident.opened', { title: incident.title, severity: incident.severity }, { at: now });
  return journal;
}

/**
 * Creates the empty folder of an incident opened elsewhere (a shared incident this machine has
 * never seen), to be filled from the shared stream. Fails if the folder exists.
 */
export function createJoinedIncident(dir: string, id: string): string {
  mkdirSync(dir, { recursive: true });
  const folder = join(dir, id);
  mkdirSync(folder);
  const path = join(folder, JOURNAL_FILE);
  closeSync(openSync(path, 'a', 0o600));
  fsyncDir(folder);
  fsyncDir(dir);
  return path;
}

/** Continues an existing incident: repairs a torn tail, then appends and follows. */
export function resumeIncident(dir: string, id: string, options: JournalOptions): TimelineJournal {
  const folder = join(dir, id);
  const path = join(folder, JOURNAL_FILE);
  if (!existsSync(path)) throw new Error(`no incident ${id} in ${dir}`);
  return new TimelineJournal(id, folder, path, readJournal(path, true), options);
}

/** Every incident in `dir`, oldest first (read only: nothing is repaired). */
export function listIncidents(dir: string): IncidentSummary[] {
  if (!existsSync(dir)) return [];
  const found: IncidentSummary[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name, JOURNAL_FILE);
    if (!entry.isDirectory() || !existsSync(path)) continue;
    found.push(summarizeIncident(entry.name, readJournal(path, false).events));
  }
  return found.sort((a, b) => a.startedAt - b.startedAt || a.id.localeCompare(b.id));
}

/** The most recently started incident in `dir`, or null. */
export function latestIncident(dir: string): IncidentSummary | null {
  return listIncidents(dir).at(-1) ?? null;
}

/** The most recently started incident that is still open, or null. */
export function latestOpenIncident(dir: string): IncidentSummary | null {
  return listIncidents(dir).filter((i) => i.open).at(-1) ?? null;
}
