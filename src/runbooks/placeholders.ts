// Values a runbook author left for the reader to fill in. They are found so the console can ask
// for them before running, rather than running `systemctl restart <service_name>` as written.
// A value is never pasted into the command: each placeholder becomes an expansion of a shell
// variable (placeholderVariable) and the value is handed to the shell as that variable.
import type { ValueSite } from '../exec/quote-context.js';

/** Environment variables every shell has; `$HOME` in a runbook is not a question for the lead. */
const ENVIRONMENT = new Set([
  'HOME', 'PATH', 'USER', 'PWD', 'SHELL', 'HOSTNAME', 'RANDOM', 'LANG', 'TERM', 'TMPDIR',
  'OLDPWD', 'UID', 'EUID', 'PPID', 'SECONDS', 'LINENO', 'IFS', 'EDITOR', 'LOGNAME', 'BASH_SOURCE',
]);

const PATTERN = /(?<![<\w])<([A-Za-z][\w.-]*)>(?!>)|\$\{([A-Za-z_]\w*)\}|\$([A-Z_][A-Z0-9_]*)(?![\w{])|\b([A-Z][A-Z0-9]*-X{3,})\b/g;

/** Names a block gives values to itself (`NAME=`, `for NAME in`, `read NAME`): not placeholders. */
export function assignedNames(code: string): Set<string> {
  const names = new Set<string>();
  for (const m of code.matchAll(/(?:^|[\s;(])(?:export\s+|local\s+|readonly\s+)?([A-Za-z_]\w*)=/g)) names.add(m[1]!);
  for (const m of code.matchAll(/\b(?:for|select)\s+([A-Za-z_]\w*)\s+in\b/g)) names.add(m[1]!);
  for (const m of code.matchAll(/\bread\s+(?:-\w+\s+)*([A-Za-z_]\w*)/g)) names.add(m[1]!);
  return names;
}

/** The placeholders in a command, as written, in order of first appearance. */
export function findPlaceholders(text: string, assigned: Set<string> = new Set()): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(PATTERN)) {
    const name = m[2] ?? m[3];
    if (name !== undefined && (ENVIRONMENT.has(name) || assigned.has(name))) continue;
    if (!found.includes(m[0])) found.push(m[0]);
  }
  return found;
}

/** The environment variable a placeholder names (`$API_KEY`, `${API_KEY}` → API_KEY), for offering its value. */
export function placeholderEnvName(placeholder: string): string | undefined {
  const m = /^\$\{?([A-Za-z_]\w*)\}?$/.exec(placeholder);
  return m ? m[1] : undefined;
}

/** Whether a placeholder's value is likely a secret, to be masked wherever the command is recorded or shown. */
export function isSecretPlaceholder(placeholder: string): boolean {
  return /KEY|TOKEN|SECRET|PASS|AUTH|CRED/i.test(placeholder);
}

/** Replaces every placeholder with its value as text (PromQL queries; for commands see run-step.ts). */
export function fillPlaceholders(text: string, values: Readonly<Record<string, string>>): string {
  let out = text;
  // Longest first, so filling `$API` cannot eat the front of `$API_KEY`.
  const entries = Object.entries(values).sort((a, b) => b[0].length - a[0].length);
  for (const [placeholder, value] of entries) out = out.split(placeholder).join(value);
  return out;
}

/** Names the shell or the system gives a meaning to: a `<path>`-style placeholder never takes one of these. */
const RESERVED = new Set([...ENVIRONMENT, 'IFS', 'PS1', 'PS2', 'PS4', 'ENV', 'BASH_ENV', 'CDPATH', 'LD_PRELOAD', 'LD_LIBRARY_PATH', 'SHELLOPTS', 'BASHOPTS', 'GLOBIGNORE']);

/**
 * The shell variable a placeholder's value is handed over in: `$API_KEY`/`${API_KEY}` name it
 * already; `<service_name>` becomes `service_name`, `INC-XXXX` becomes `INC_XXXX` (prefixed
 * `ph_` where that would be a name the shell or the system uses).
 */
export function placeholderVariable(placeholder: string): string {
  const env = placeholderEnvName(placeholder);
  if (env !== undefined) return env;
  const name = placeholder.replace(/^<|>$/g, '').replace(/[^A-Za-z0-9_]/g, '_');
  return RESERVED.has(name) || !/^[A-Za-z_]/.test(name) ? `ph_${name}` : name;
}

/** Where each of `placeholders` appears in `text`, as sites for rewriteAsExpansions. */
export function placeholderSites(text: string, placeholders: readonly string[]): ValueSite[] {
  const sites: ValueSite[] = [];
  for (const m of text.matchAll(PATTERN)) {
    if (!placeholders.includes(m[0])) continue;
    sites.push({ start: m.index, end: m.index + m[0].length, name: placeholderVariable(m[0]), isExpansion: m[0].startsWith('$') });
  }
  return sites;
}
