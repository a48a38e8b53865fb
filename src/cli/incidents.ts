// `warroom incidents [--json]`: the incidents a folder holds (id, title, severity, open or
// resolved, started, operators), newest first, so nobody has to guess an id for `--incident`.
// With `share:` the team's shared incidents are listed too, each marked shared (and whether this
// machine has it) or local only; no server answering is one line on stderr, never a failure.
import type { IncidentSummary } from '../timeline/incident-state.js';
import { join } from 'node:path';
import { JOURNAL_FILE, listIncidents } from '../timeline/incidents.js';
import { readJournal } from '../timeline/journal-file.js';
import { everShared } from '../timeline/journal-sync.js';
import { oneLine } from '../text/neutralise.js';
import type { Redactor } from '../text/redact.js';
import type { RegisterCommand } from './commands.js';
import { DEMO_TIMELINE_DIR, incidentsSource, type IncidentsFolderFlags, type IncidentsSource } from './incidents-source.js';

/** One incident as `--json` gives it (a stable shape scripts can rely on). */
export interface IncidentListing {
  id: string;
  title: string;
  severity: string;
  state: 'open' | 'resolved';
  /** ISO 8601, UTC. */
  startedAt: string;
  resolvedAt: string | null;
  operators: string[];
  /** With `share:` only: whether the incident is in the team's stream. */
  shared?: boolean;
  /** With `share:` only: whether this machine has its journal (false: join it with `--incident ID`). */
  here?: boolean;
}

/** The listing of one incident: journal text made safe to print (it may hold anything) and redacted. */
export function incidentListing(incident: IncidentSummary, redactor: Redactor): IncidentListing {
  const safe = (text: string) => oneLine(redactor(text));
  return {
    // The folder's name: anyone who can write the incidents folder chooses it.
    id: oneLine(incident.id),
    title: safe(incident.title),
    severity: safe(String(incident.severity)),
    state: incident.open ? 'open' : 'resolved',
    startedAt: new Date(incident.startedAt).toISOString(),
    resolvedAt: incident.resolvedAt === null ? null : new Date(incident.resolvedAt).toISOString(),
    operators: incident.operators.map(safe),
  };
}

/** `2026-12-03 09:41 UTC`: one time zone for everyone reading the list. */
function utcMinute(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** The listings as an aligned text table, newest first, the title last (it takes what room is left). */
export function incidentsTable(listings: readonly IncidentListing[]): string {
  // The SHARE column only when sharing is configured (every listing then says where it is).
  const sharing = listings.some((l) => l.shared !== undefined);
  const header = ['ID', 'SEV', 'STATE', 'STARTED', ...(sharing ? ['SHARE'] : []), 'OPERATORS', 'TITLE'];
  const rows = listings.map((l) => [l.id, l.severity, l.state, utcMinute(l.startedAt), ...(sharing ? [whereText(l)] : []), l.operators.join(', '), l.title]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n') + '\n';
}

/** `shared`, `shared, not here` (join it with --incident ID), or `local only`. */
function whereText(listing: IncidentListing): string {
  return listing.shared ? (listing.here ? 'shared' : 'shared, not here') : 'local only';
}

/**
 * This machine's incidents and, with `share:`, the stream's, merged (newest first): an incident
 * in both is listed once, from the local journal (complete), marked shared. `problem` says why
 * the shared ones are missing when no server could be asked.
 */
export async function listAll(source: IncidentsSource): Promise<{ listings: IncidentListing[]; problem: string | null }> {
  const local = listIncidents(source.dir);
  if (!source.share) return { listings: local.reverse().map((incident) => incidentListing(incident, source.redactor)), problem: null };
  // Imported when needed: the NATS client is not loaded without `share:`.
  const { listSharedIncidents } = await import('../share/shared-list.js');
  let shared: IncidentSummary[] = [];
  let problem: string | null = null;
  try {
    shared = await listSharedIncidents(source.share);
  } catch (error) {
    problem = (error as Error).message;
  }
  // No server to ask: the journal says whether an incident went into the stream from here.
  const inStream = new Set(problem ? local.filter((l) => everShared(readJournal(join(source.dir, l.id, JOURNAL_FILE), false).events)).map((l) => l.id) : shared.map((s) => s.id));
  const localIds = new Set(local.map((l) => l.id));
  const merged = [
    ...local.map((incident) => ({ incident, shared: inStream.has(incident.id), here: true })),
    ...shared.filter((s) => !localIds.has(s.id)).map((incident) => ({ incident, shared: true, here: false })),
  ].sort((a, b) => b.incident.startedAt - a.incident.startedAt || a.incident.id.localeCompare(b.incident.id));
  return { listings: merged.map(({ incident, shared, here }) => ({ ...incidentListing(incident, source.redactor), shared, here })), problem };
}

/** Registers `warroom incidents [--json] [--config FILE] [--timeline-dir DIR]`. */
export const registerIncidents: RegisterCommand = (program) => {
  program
    .command('incidents')
    .description('list the incidents recorded in the incidents folder (id, title, severity, open or resolved, started, operators); with share: the team\'s shared incidents too')
    .option('-c, --config <file>', `config file (default: warroom.yaml here; without one, ${DEMO_TIMELINE_DIR} where \`warroom demo\` ran)`)
    .option('--timeline-dir <dir>', 'the incidents folder to list (e.g. what `warroom demo --timeline-dir DIR` wrote)')
    .option('--json', 'JSON: an array of {id, title, severity, state, startedAt, resolvedAt, operators} (with share: also shared, here)')
    .action(async (opts: IncidentsFolderFlags & { json?: boolean }) => {
      const source = await incidentsSource(process.cwd(), opts);
      const { dir } = source;
      const { listings, problem } = await listAll(source);
      if (problem) process.stderr.write(`warroom: shared incidents not listed (this machine's only): ${oneLine(problem)}\n`);
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(listings, null, 2)}\n`);
      } else if (listings.length === 0) {
        process.stderr.write(`warroom: no incidents in ${dir}\n`);
      } else {
        process.stdout.write(incidentsTable(listings));
      }
    });
};
