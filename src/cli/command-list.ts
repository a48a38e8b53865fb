import type { RegisterCommand } from './commands.js';
import { registerRunbook } from './runbook.js';

/** Every subcommand, in the order `--help` lists them. Each area adds its own. */
export const COMMANDS: RegisterCommand[] = [registerRunbook];
