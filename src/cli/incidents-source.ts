// Where the incidents a command reads are kept: `--timeline-dir DIR`, else the config's
// `timeline.dir`, else, in a folder with no warroom.yaml (where `warroom demo` ran), the
// demo's default folder. Shared by `warroom export` and `warroom incidents`.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ShareConfig } from '../config/integration-types.js';
import { createRedactor, type Redactor } from '../text/redact.js';
import { UsageError } from './usage-error.js';

/** Where `warroom demo` records its incidents unless told otherwise (relative to where it ran). */
export const DEMO_TIMELINE_DIR = '.warroom/incidents';

/** The options that choose the incidents folder. */
export interface IncidentsFolderFlags {
  config?: string;
  timelineDir?: string;
}

/** Where a command's incidents are: the folder, the redactor for what it prints, and the config's `share:` if any. */
export interface IncidentsSource {
  dir: string;
  redactor: Redactor;
  share?: ShareConfig;
}

/** The incidents folder for a command run in `cwd`, and the redactor for what it prints. */
export async function incidentsSource(cwd: string, flags: IncidentsFolderFlags): Promise<IncidentsSource> {
  // Imported when run: the config loader (YAML, zod) is not needed to register the command.
  const { DEFAULT_CONFIG_NAME, findConfigPath, loadConfig } = await import('../config/load.js');
  const hasConfig = flags.config !== undefined || existsSync(resolve(cwd, DEFAULT_CONFIG_NAME));
  if (flags.timelineDir !== undefined) {
    const dir = resolve(cwd, flags.timelineDir);
    if (!existsSync(dir)) throw new UsageError(`--timeline-dir: no such folder ${dir}`);
    // A config, when there is one, still says what is secret (and where the team shares).
    if (!hasConfig) return { dir, redactor: createRedactor() };
    const config = await loadConfig(findConfigPath(cwd, flags.config));
    return { dir, redactor: createRedactor(config), ...(config.share ? { share: config.share } : {}) };
  }
  const demoDir = resolve(cwd, DEMO_TIMELINE_DIR);
  if (!hasConfig && existsSync(demoDir)) return { dir: demoDir, redactor: createRedactor() };
  const loaded = await loadConfig(findConfigPath(cwd, flags.config));
  return { dir: loaded.timeline.dir, redactor: createRedactor(loaded), ...(loaded.share ? { share: loaded.share } : {}) };
}

/**
 * An incident id as given on the command line, refused unless it is a plain folder name: an id
 * is joined to the incidents folder, and `../elsewhere` must not reach outside it.
 */
export function checkIncidentId(id: string): string {
  if (!/^[A-Za-z0-9][\w.-]*$/.test(id) || id.includes('..')) {
    throw new UsageError(`not an incident id: ${JSON.stringify(id)} (\`warroom incidents\` lists them)`);
  }
  return id;
}
