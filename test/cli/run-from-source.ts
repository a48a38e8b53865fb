// Runs the warroom CLI from source (no build needed) in a folder, as a script would: no terminal.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
// Resolved here: the child runs in a temp folder where `tsx` would not be found by name.
const TSX = import.meta.resolve('tsx');

/** What a run printed and how it ended. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `warroom ARGS` in `cwd` with stdin closed. */
export function runWarroom(cwd: string, ...args: string[]): CliRun {
  const code = `import(${JSON.stringify(MAIN)}).then((cli) => cli.main(['node', 'warroom', ...process.argv.slice(1)]))`;
  const run = spawnSync(process.execPath, ['--import', TSX, '-e', code, '--', ...args], { cwd, encoding: 'utf8', input: '', timeout: 60_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Whether stderr is one line of message, with no stack trace. */
export function isOneLine(stderr: string): boolean {
  return stderr.trim().split('\n').length === 1 && !/\n\s+at /.test(stderr);
}
