// How a configured command string becomes a process. Plain `prog arg arg` runs directly (no shell
// to quote around, one process fewer, its pid is the command's pid); anything a shell would
// interpret is handed to /bin/sh so pipes, redirects, globs and quoting mean what the user wrote.

// Characters (and a leading `NAME=`) only a shell gives meaning to.
const SHELL_SYNTAX = /[|&;<>()$`\\"'*?[\]{}~#\n!]/;
const ENV_ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

/** True when the command needs /bin/sh to mean what it says. */
export function needsShell(command: string): boolean {
  return SHELL_SYNTAX.test(command) || ENV_ASSIGNMENT.test(command.trim());
}

/** The program and arguments to spawn for a command string. */
export function toArgv(command: string): [string, ...string[]] {
  if (needsShell(command)) return ['/bin/sh', '-c', command];
  const words = command.trim().split(/\s+/).filter((w) => w.length > 0);
  if (words.length === 0) return ['/bin/sh', '-c', command];
  return words as [string, ...string[]];
}

/** Fills in the defaults of RunOptions in one place so local and SSH agree. */
export const DEFAULT_TIMEOUT_MS = 60_000;
/** @see RunOptions.maxOutputBytes */
export const DEFAULT_MAX_OUTPUT_BYTES = 1024 * 1024;
