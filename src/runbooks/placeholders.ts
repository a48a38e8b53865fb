// Values a runbook author left for the reader to fill in. They are found so the console can ask
// for them before running, rather than running `systemctl restart <service_name>` as written.

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

/** Replaces every placeholder with its value; placeholders without a value stay as written. */
export function fillPlaceholders(text: string, values: Readonly<Record<string, string>>): string {
  let out = text;
  // Longest first, so filling `$API` cannot eat the front of `$API_KEY`.
  const entries = Object.entries(values).sort((a, b) => b[0].length - a[0].length);
  for (const [placeholder, value] of entries) out = out.split(placeholder).join(value);
  return out;
}
