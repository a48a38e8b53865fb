// Which environment variables hold secrets, judged by name: their values are masked wherever
// they appear (a command check's `-p${DB_PASSWORD}` after expansion, a step's echoed output).

/** Words that make a variable a secret wherever they stand in its name (`PGPASSWORD`, `NPM_TOKEN`). */
const SECRET_WORD = /PASSWORD|PASSWD|PASSPHRASE|SECRET|TOKEN|APIKEY|API_KEY|PRIVATE_KEY|ACCESS_KEY|CREDENTIAL/i;

/** Short words that do only as a whole part of the name (`DB_PASS`, `STRIPE_KEY`, `REDISCLI_AUTH`). */
const SECRET_PART = /(?:^|_)(?:PASS|PWD|KEY|AUTH|COOKIE|SIGNATURE|DSN|WEBHOOK)(?:_|$)/i;

/** Name endings that say the value is about a secret, not the secret (a path, a lifetime, a flag). */
const METADATA_SUFFIX = /_(?:FILE|PATH|DIR|SOCK|SOCKET|TTL|TIMEOUT|EXPIRY|EXPIRES|EXPIRES_IN|LENGTH|SIZE|TYPE|MODE|ENABLED|DISABLED|NAME|USER|USERNAME|ID|HEADER|PREFIX|VERSION|COUNT|LIMIT|REGION|HOST|PORT)$/i;

/** Variables the shell sets that merely look like secrets. */
const NOT_SECRETS = new Set(['PWD', 'OLDPWD', 'XAUTHORITY', 'SSH_AUTH_SOCK', 'GPG_AGENT_INFO']);

/** Shorter values are not masked: they would blank ordinary words and numbers everywhere. */
export const MIN_SECRET_ENV_VALUE = 6;

/** Whether a variable's name says its value is a secret (`DB_PASSWORD`, `API_TOKEN`, `STRIPE_KEY`). */
export function isSecretEnvName(name: string): boolean {
  return !NOT_SECRETS.has(name.toUpperCase()) && (SECRET_WORD.test(name) || SECRET_PART.test(name)) && !METADATA_SUFFIX.test(name);
}

/** Values of the secret-named variables of `env` long enough to mask. */
export function secretEnvValues(env: Readonly<Record<string, string | undefined>>): string[] {
  const values: string[] = [];
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined && value.length >= MIN_SECRET_ENV_VALUE && isSecretEnvName(name)) values.push(value);
  }
  return values;
}
