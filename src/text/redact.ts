// The one redactor: used before anything reaches the journal, the screen or an export. Masks
// the built-in secret shapes (redact-rules.ts), every secret value of the config, the values of
// secret-named environment variables (redact-env: `DB_PASSWORD`...) and the config's own
// `timeline.redact` patterns (run on a linear-time engine, see safe-pattern.ts).
import { MAY_HOLD_SECRET, REDACTION_RULES } from './redact-rules.js';
import { compileSafePattern, type SafePattern } from './safe-pattern.js';
import { secretEnvValues } from './secret-env.js';

/** Replaces secrets in a text; the same instance serves the journal, the views and exports. */
export type Redactor = (text: string) => string;

/** What redaction reads from the config (a `WarroomConfig` fits). */
export interface RedactionSettings {
  /** Literal secret values found in the config (header values, tokens, webhook URLs). */
  secrets?: readonly string[];
  timeline?: { redact?: readonly string[] };
  /** Whose secret-named variables' values are masked. @default process.env */
  env?: Readonly<Record<string, string | undefined>>;
}

/** What a secret is replaced with. */
export const MASK = '***';

/** Shorter configured values are not masked: they would blank ordinary words everywhere. */
const MIN_LITERAL = 4;

/** Object keys whose string values are secrets whatever they look like. */
const SECRET_KEY = /^(authorization|proxy-authorization|cookie|set-cookie|password|passwd|secret|token|api[_-]?key|x-api-key|routing[_-]?key|routingkey|webhook|bearertoken)$/i;

/** Keeps a rule's `pre` and `post` around the mask. */
function maskRule(match: string, ...rest: unknown[]): string {
  const groups = rest[rest.length - 1] as { pre?: string; post?: string };
  return `${groups.pre ?? ''}${MASK}${groups.post ?? ''}`;
}

/** A configured pattern: matched whole, or with its capture groups kept before the mask. */
function maskConfigured(_match: string, groups: readonly (string | undefined)[]): string {
  const kept = groups.filter((g): g is string => g !== undefined);
  return kept.length > 0 ? kept.join('') + MASK : MASK;
}

/** Masks each literal (longest first) wherever it appears. */
function maskLiterals(text: string, literals: readonly string[]): string {
  let out = text;
  for (const literal of literals) if (out.includes(literal)) out = out.split(literal).join(MASK);
  return out;
}

function sortedLiterals(values: Iterable<string>): string[] {
  return [...new Set([...values].filter((s) => s.length >= MIN_LITERAL))].sort((a, b) => b.length - a.length);
}

function buildRedactor(configured: readonly SafePattern[], literals: readonly string[]): Redactor {
  return (text: string) => {
    // Literal secrets first: a built-in rule could otherwise cut one in half and leave a tail.
    let out = literals.length > 0 ? maskLiterals(text, literals) : text;
    if (MAY_HOLD_SECRET.test(out)) for (const rule of REDACTION_RULES) out = out.replace(rule.pattern, maskRule);
    for (const pattern of configured) out = pattern.replaceAll(out, maskConfigured);
    return out;
  };
}

/** Compiles `timeline.redact`; a pattern that cannot be run safely throws a plain message. */
function configuredPatterns(sources: readonly string[]): SafePattern[] {
  return sources.map((source) => {
    const compiled = compileSafePattern(source);
    if ('error' in compiled) throw new Error(`timeline.redact: ${JSON.stringify(source)}: ${compiled.error}`);
    return compiled;
  });
}

/**
 * Builds the redactor for a config: built-in rules, every configured secret value (≥ 4
 * characters), the values of secret-named environment variables, and the `timeline.redact`
 * patterns. The config loader has already refused patterns that cannot run safely.
 */
export function createRedactor(settings: RedactionSettings = {}): Redactor {
  const literals = sortedLiterals([...(settings.secrets ?? []), ...secretEnvValues(settings.env ?? process.env)]);
  return buildRedactor(configuredPatterns(settings.timeline?.redact ?? []), literals);
}

/** `redactor` that also masks `values` (secrets learnt at run time, such as a typed secret placeholder). */
export function withSecrets(redactor: Redactor, values: readonly string[]): Redactor {
  const literals = sortedLiterals(values);
  return literals.length === 0 ? redactor : (text) => redactor(maskLiterals(text, literals));
}

const builtIn = buildRedactor([], []);

/** Redacts a text with the built-in rules only (no config or environment at hand). */
export function redact(text: string): string {
  return builtIn(text);
}

/** Redacts every string inside a value (event data), and whole values under secret-named keys. */
export function redactData<T>(value: T, redactor: Redactor = builtIn): T {
  return walk(value, redactor, undefined) as T;
}

function walk(value: unknown, redactor: Redactor, key: string | undefined): unknown {
  if (typeof value === 'string') {
    if (key !== undefined && SECRET_KEY.test(key) && value !== '') return MASK;
    return redactor(value);
  }
  if (Array.isArray(value)) return value.map((item) => walk(item, redactor, undefined));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, item] of Object.entries(value)) out[k] = walk(item, redactor, k);
    return out;
  }
  return value;
}
