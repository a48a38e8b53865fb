import type { RegisterCommand } from './commands.js';
import { registerStatus } from './status.js';

/** Every subcommand, in the order `--help` lists them. Each area adds its own. */
export const COMMANDS: RegisterCommand[] = [registerStatus];
