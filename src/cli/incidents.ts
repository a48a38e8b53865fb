// `warroom incidents [--json]`: the incidents a folder holds (id, title, severity, open or
// resolved, started, operators), newest first, so nobody has to guess an id for `--incident`.
import type { IncidentSummary } from '../timeline/incident-state.js';
import { listIncidents } from '../timeline/incidents.js';
import { oneLine } from '../text/neutralise.js';
import type { Redactor } from '../text/redact.js';
import type { RegisterCommand } from './commands.js';
import { DEMO_TIMELINE_DIR, incidentsSource, type IncidentsFolderFlags } from './incidents-source.js';

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
  const header = ['ID', 'SEV', 'STATE', 'STARTED', 'OPERATORS', 'TITLE'];
  const rows = listings.map((l) => [l.id, l.severity, l.state, utcMinute(l.startedAt), l.operators.join(', '), l.title]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n') + '\n';
}

/** Registers `warroom incidents [--json] [--config FILE] [--timeline-dir DIR]`. */
export const registerIncidents: RegisterCommand = (program) => {
  program
    .command('incidents')
    .description('list the incidents recorded in the incidents folder (id, title, severity, open or resolved, started, operators)')
    .option('-c, --config <file>', `config file (default: warroom.yaml here; without one, ${DEMO_TIMELINE_DIR} where \`warroom demo\` ran)`)
    .option('--timeline-dir <dir>', 'the incidents folder to list (e.g. what `warroom demo --timeline-dir DIR` wrote)')
    .option('--json', 'JSON: an array of {id, title, severity, state, startedAt, resolvedAt, operators}')
    .action(async (opts: IncidentsFolderFlags & { json?: boolean }) => {
      const { dir, redactor } = await incidentsSource(process.cwd(), opts);
      const listings = listIncidents(dir).reverse().map((incident) => incidentListing(incident, redactor));
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(listings, null, 2)}\n`);
      } else if (listings.length === 0) {
        process.stderr.write(`warroom: no incidents in ${dir}\n`);
      } else {
        process.stdout.write(incidentsTable(listings));
      }
    });
};
