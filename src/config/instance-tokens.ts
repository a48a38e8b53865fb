// `{host}`, `{address}` and `{port}` tokens in checks, logs and actions, filled per instance and per port
// (not to be confused with the runbook reader's placeholders in src/runbooks/placeholders.ts).
// Only these exact tokens are replaced: PromQL selectors and JSON also use braces.

/** Values for one expanded row; an undefined value means the placeholder is not available here. */
export interface InstanceTokenValues {
  host?: string;
  address?: string;
  port?: number;
}

const TOKEN = /\{(host|address|port)\}/g;

/** The placeholders a text uses. */
export function instanceTokensIn(text: string): Set<'host' | 'address' | 'port'> {
  return new Set([...text.matchAll(TOKEN)].map((m) => m[1] as 'host' | 'address' | 'port'));
}

/** `text` with the available placeholders filled in; unavailable ones are left as written. */
export function fillInstanceTokens(text: string, values: InstanceTokenValues): string {
  return text.replace(TOKEN, (whole, name: 'host' | 'address' | 'port') => {
    const value = values[name];
    return value === undefined ? whole : String(value);
  });
}

/** Why `text` cannot be filled in this service, or undefined when every placeholder it uses is available. */
export function missingInstanceToken(text: string, hasInstances: boolean, hasPorts: boolean): string | undefined {
  for (const name of instanceTokensIn(text)) {
    if ((name === 'host' || name === 'address') && !hasInstances) {
      return `{${name}} is filled per instance, but this service has no instances:`;
    }
    if (name === 'port' && !hasPorts) return '{port} is filled per port, but this check has no ports:';
  }
  return undefined;
}
