import type { RegisterCommand } from './commands.js';
import { registerExport } from './export.js';

/** Every subcommand, in the order `--help` lists them. Each area adds its own. */
export const COMMANDS: RegisterCommand[] = [registerExport];
