import type { RegisterCommand } from './commands.js';

/** Every subcommand, in the order `--help` lists them. Each area adds its own. */
export const COMMANDS: RegisterCommand[] = [];
