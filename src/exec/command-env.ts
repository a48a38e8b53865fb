// How values reach a command as data. A command's text keeps `${NAME}` (or `$NAME`) and the
// value travels beside it: locally in the child's environment; over SSH on the channel's input,
// because sshd accepts almost no environment variables from a client (AcceptEnv defaults to
// LANG/LC_*). Either way the shell expands the value after parsing, so no value, whatever it
// holds (`$(…)`, quotes, `;`, newlines), is ever read as shell syntax.

/** Values for a command's expansions by variable name; null makes sure the name is unset (so `${NAME:-default}` takes its default). */
export type CommandEnv = Readonly<Record<string, string | null>>;

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function checkNames(values: CommandEnv): void {
  // A programming error, not a user one: callers derive names from validated references.
  for (const name of Object.keys(values)) if (!NAME.test(name)) throw new Error(`not a variable name: ${JSON.stringify(name)}`);
}

/** True when there is at least one value to pass. */
export function hasValues(values: CommandEnv | undefined): values is CommandEnv {
  return values !== undefined && Object.keys(values).length > 0;
}

/** The environment of a local child: warroom's own, with the command's values set and its unset names removed. */
export function childEnvironment(values: CommandEnv, base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  checkNames(values);
  const env = { ...base };
  for (const [name, value] of Object.entries(values)) {
    if (value === null) delete env[name];
    else env[name] = value;
  }
  return env;
}

/** A POSIX shell word that reads back as exactly `value` (single quotes; `'` written as `'\''`). */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** What to send to sshd for a command with values: the exec request, and the script written to its input. */
export interface RemoteLaunch {
  /** The exec request's command line: no value ever appears in it (the remote `ps` shows it). */
  exec: string;
  /** Read by `sh -s`: the values as quoted assignments, then the command run by the login shell. */
  input: string;
}

/**
 * A remote command with values. `sh -s` reads the values from the channel as single-quoted
 * assignments (never parsed as anything but data), exports them, and hands the command, exactly
 * as approved, to the user's login shell with `-c`, as sshd itself would have: a runbook written
 * for bash still runs in bash. The command's own input is /dev/null, as it is for local commands.
 */
export function remoteLaunch(command: string, values: CommandEnv): RemoteLaunch {
  checkNames(values);
  const lines: string[] = [];
  for (const [name, value] of Object.entries(values)) {
    lines.push(value === null ? `unset ${name}` : `${name}=${shellQuote(value)}; export ${name}`);
  }
  lines.push(`exec "\${SHELL:-/bin/sh}" -c ${shellQuote(command)} </dev/null`);
  return { exec: 'sh -s', input: `${lines.join('\n')}\n` };
}
