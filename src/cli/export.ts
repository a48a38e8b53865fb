// `warroom export`: the post-mortem draft (Markdown) or the full record (JSON) of an incident,
// to stdout or a file. Read only: it never repairs or writes the journal.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportJson, exportMarkdown, exportTemplate } from '../export/index.js';
import { JOURNAL_FILE, latestIncident } from '../timeline/incidents.js';
import { createRedactor } from '../text/redact.js';
import type { RegisterCommand } from './commands.js';
import { checkIncidentId, DEMO_TIMELINE_DIR, incidentsSource, type IncidentsFolderFlags } from './incidents-source.js';
import { systemErrorReason } from './system-errors.js';
import { UsageError } from './usage-error.js';

export { DEMO_TIMELINE_DIR } from './incidents-source.js';

/** Options of `warroom export`. */
export interface ExportFlags extends IncidentsFolderFlags {
  incident?: string;
  format?: string;
  output?: string;
  /** `default`, `google-sre`, `pagerduty`, `atlassian`, or a template file (Markdown only). */
  template?: string;
}

/** Exports one incident of `dir` as text; throws UsageError for what the user can fix. */
export async function exportIncident(dir: string, flags: ExportFlags, redactor = createRedactor()): Promise<string> {
  const format = flags.format ?? 'md';
  if (format !== 'md' && format !== 'json') throw new UsageError(`--format must be md or json, not ${JSON.stringify(format)}`);
  if (flags.template !== undefined && format === 'json') throw new UsageError('--template shapes the Markdown post-mortem; the JSON export is the full record (drop --template or --format json)');
  const id = flags.incident !== undefined ? checkIncidentId(flags.incident) : latestIncident(dir)?.id;
  if (!id) throw new UsageError(`no incident found in ${dir}`);
  const folder = join(dir, id);
  if (!existsSync(join(folder, JOURNAL_FILE))) throw new UsageError(`no incident ${id} in ${dir} (\`warroom incidents\` lists them)`);
  if (format === 'json') return exportJson(folder, { redactor });
  if (flags.template === undefined) return exportMarkdown(folder, { redactor });
  const { TemplateError } = await import('../export/templates.js');
  try {
    return await exportTemplate(folder, flags.template, { redactor });
  } catch (error) {
    if (error instanceof TemplateError) throw new UsageError(error.message);
    throw error;
  }
}

/** Writes the export to `path`; a path that cannot be written is the user's to fix (exit 2). */
function writeOutput(path: string, text: string): void {
  try {
    writeFileSync(path, text);
  } catch (error) {
    throw new UsageError(`cannot write ${path}: ${systemErrorReason(error, path)}`);
  }
}

/** Registers `warroom export [--incident ID] [--format md|json] [--template NAME|FILE] [-o FILE] [--timeline-dir DIR]`. */
export const registerExport: RegisterCommand = (program) => {
  program
    .command('export')
    .description('write an incident as a post-mortem draft (Markdown) or its full record (JSON)')
    .option('-c, --config <file>', `config file (default: warroom.yaml here; without one, ${DEMO_TIMELINE_DIR} where \`warroom demo\` ran)`)
    .option('--timeline-dir <dir>', 'the incidents folder to read (e.g. what `warroom demo --timeline-dir DIR` wrote)')
    .option('-i, --incident <id>', 'incident to export (default: the most recent one; `warroom incidents` lists them)')
    .option('-f, --format <format>', 'md or json', 'md')
    .option('-t, --template <name|file>', 'post-mortem shape: default, google-sre, pagerduty, atlassian, or your own Markdown (Liquid) template file')
    .option('-o, --output <file>', 'write to this file instead of stdout')
    .action(async (opts: ExportFlags) => {
      const { dir, redactor } = await incidentsSource(process.cwd(), opts);
      const text = await exportIncident(dir, opts, redactor);
      if (opts.output) {
        writeOutput(opts.output, text);
        process.stderr.write(`warroom: wrote ${opts.output}\n`);
      } else {
        process.stdout.write(text);
      }
    });
};
