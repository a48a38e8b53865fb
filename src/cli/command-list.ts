import { registerCheck } from './check.js';
import type { RegisterCommand } from './commands.js';
import { registerDemo } from './demo.js';
import { registerExport } from './export.js';
import { registerIncidents } from './incidents.js';
import { registerOpen } from './open.js';
import { registerRunbook } from './runbook.js';
import { registerStatus } from './status.js';

/** Every subcommand, in the order `--help` lists them. Each area adds its own. */
export const COMMANDS: RegisterCommand[] = [
  registerOpen,
  registerDemo,
  registerStatus,
  registerCheck,
  registerExport,
  registerIncidents,
  registerRunbook,
];
