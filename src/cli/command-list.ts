import { registerCheck } from './check.js';
import type { RegisterCommand } from './commands.js';
import { registerDemo } from './demo.js';
import { registerOpen } from './open.js';

/** Every subcommand, in the order `--help` lists them. Each area adds its own. */
export const COMMANDS: RegisterCommand[] = [registerOpen, registerDemo, registerCheck];
