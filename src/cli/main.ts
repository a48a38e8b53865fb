// The `warroom` command line. Each subcommand lives in its own file and registers itself through
// command-list.ts; this file only sets up the program and turns user errors into exit code 2.
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { COMMANDS } from './command-list.js';
import { oneLine } from '../text/neutralise.js';
import { systemErrorCode } from './system-errors.js';
import { UsageError } from './usage-error.js';

/** The version in package.json, found from both the compiled (dist/src/cli) and the source (src/cli) location. */
function packageVersion(): string {
  for (const up of ['../../../package.json', '../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(up, import.meta.url), 'utf8')) as { name?: string; version: string };
      if (pkg.name === 'warroom') return pkg.version;
    } catch {
      // not at this depth
    }
  }
  return 'unknown';
}

/** Builds the program with every subcommand registered (exported for tests). */
export function buildProgram(): Command {
  const program = new Command('warroom')
    .description('A terminal war-room console for production incidents')
    .version(packageVersion(), '--version')
    .showHelpAfterError('(warroom --help lists the commands)')
    .exitOverride();
  for (const register of COMMANDS) register(program);
  return program;
}

/** Exit code for a failure: 2 for anything the user can fix (usage, config), 1 otherwise. */
function reportFailure(error: unknown): number {
  if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
  if (error instanceof UsageError) {
    process.stderr.write(`warroom: ${error.message}\n`);
    return error.exitCode;
  }
  const formatted = (error as { format?: () => string }).format;
  if (error instanceof Error && error.name === 'ConfigError' && typeof formatted === 'function') {
    process.stderr.write(`${formatted.call(error)}\n`);
    return 2;
  }
  // The system refusing something (a full disk, a folder without permission): one line, no stack.
  if (systemErrorCode(error)) {
    process.stderr.write(`warroom: ${oneLine((error as Error).message)}\n`);
    return 1;
  }
  // A programming error: its stack is what a bug report needs.
  process.stderr.write(`warroom: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return 1;
}

/** Runs the CLI with `argv` as in process.argv; sets process.exitCode. */
export async function main(argv: string[]): Promise<void> {
  const args = argv.slice(2);
  const program = buildProgram();
  // `warroom` alone, or with options first (`warroom --config x.yaml`), is `warroom open`.
  const wantsHelp = ['--help', '-h', '--version'].includes(args[0] ?? '');
  if ((args.length === 0 || (args[0]?.startsWith('-') && !wantsHelp)) && program.commands.some((c) => c.name() === 'open')) {
    args.unshift('open');
  }
  try {
    await program.parseAsync(args, { from: 'user' });
  } catch (error) {
    process.exitCode = reportFailure(error);
  }
}
