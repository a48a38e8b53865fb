// `warroom export`: the post-mortem draft (Markdown) or the full record (JSON) of an incident,
// to stdout or a file. Read only: it never repairs or writes the journal.
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { exportJson, exportMarkdown } from '../export/index.js';
import { JOURNAL_FILE, latestIncident } from '../timeline/incidents.js';
import { createRedactor, type Redactor } from '../text/redact.js';
import type { RegisterCommand } from './commands.js';
import { UsageError } from './usage-error.js';

/** Options of `warroom export`. */
export interface ExportFlags {
  config?: string;
  incident?: string;
  format?: string;
  output?: string;
}

/** Exports one incident of `dir` as text; throws UsageError for what the user can fix. */
export function exportIncident(dir: string, flags: ExportFlags, redactor = createRedactor()): string {
  const format = flags.format ?? 'md';
  if (format !== 'md' && format !== 'json') throw new UsageError(`--format must be md or json, not ${JSON.stringify(format)}`);
  const id = flags.incident ?? latestIncident(dir)?.id;
  if (!id) throw new UsageError(`no incident found in ${dir}`);
  const folder = join(dir, id);
  if (!existsSync(join(folder, JOURNAL_FILE))) throw new UsageError(`no incident ${id} in ${dir}`);
  return format === 'json' ? exportJson(folder, { redactor }) : exportMarkdown(folder, { redactor });
}

/** Where `warroom demo` records its incidents unless told otherwise (relative to where it ran). */
export const DEMO_TIMELINE_DIR = '.warroom/incidents';

/**
 * The incidents folder and redactor for `warroom export` run in `cwd`: the config's, or, in a
 * folder with no warroom.yaml (where `warroom demo` ran), the demo's default folder.
 */
export async function exportSource(cwd: string, config?: string): Promise<{ dir: string; redactor: Redactor }> {
  // Imported when run: the config loader (YAML, zod) is not needed to register the command.
  const { DEFAULT_CONFIG_NAME, findConfigPath, loadConfig } = await import('../config/load.js');
  const demoDir = resolve(cwd, DEMO_TIMELINE_DIR);
  if (config === undefined && !existsSync(resolve(cwd, DEFAULT_CONFIG_NAME)) && existsSync(demoDir)) {
    return { dir: demoDir, redactor: createRedactor() };
  }
  const loaded = await loadConfig(findConfigPath(cwd, config));
  return { dir: loaded.timeline.dir, redactor: createRedactor(loaded) };
}

/** Registers `warroom export [--incident ID] [--format md|json] [-o FILE]`. */
export const registerExport: RegisterCommand = (program) => {
  program
    .command('export')
    .description('write an incident as a post-mortem draft (Markdown) or its full record (JSON)')
    .option('-c, --config <file>', `config file (default: warroom.yaml here; without one, ${DEMO_TIMELINE_DIR} where \`warroom demo\` ran)`)
    .option('-i, --incident <id>', 'incident to export (default: the most recent one)')
    .option('-f, --format <format>', 'md or json', 'md')
    .option('-o, --output <file>', 'write to this file instead of stdout')
    .action(async (opts: ExportFlags) => {
      const { dir, redactor } = await exportSource(process.cwd(), opts.config);
      const text = exportIncident(dir, opts, redactor);
      if (opts.output) {
        writeFileSync(opts.output, text);
        process.stderr.write(`warroom: wrote ${opts.output}\n`);
      } else {
        process.stdout.write(text);
      }
    });
};
