import type { Command } from 'commander';

/** Adds one subcommand (with its options, help and action) to the program. */
export type RegisterCommand = (program: Command) => void;
