// Secret redaction: one redactor used before anything reaches the journal, the screen or an
// export. Built-in token shapes plus the config's secret values and `timeline.redact` patterns.

/** Replaces secrets in a text; the same instance serves the journal, the views and exports. */
export type Redactor = (text: string) => string;

/** What redaction reads from the config (a `WarroomConfig` fits). */
export interface RedactionSettings {
  /** Literal secret values found in the config (header values, tokens, webhook URLs). */
  secrets?: readonly string[];
  timeline?: { redact?: readonly string[] };
}

const MASK = '***';

/** Built-in patterns; group 1, when present, is the part that is kept before the mask. */
const BUILT_IN: readonly RegExp[] = [
  // Header lines whose whole value is a credential.
  /\b((?:proxy-)?authorization|cookie|set-cookie|x-api-key|x-auth-token)(["']?\s*[:=]\s*)(?:"[^"\r\n]*"|'[^'\r\n]*'|[^\r\n]+)/gi,
  // A credential after Bearer/Basic has a digit or base64 padding; plain words ("basic auth") stay.
  /\b(bearer|basic)(\s+)(?=[A-Za-z0-9._~+/=-]*[0-9+/=])[A-Za-z0-9._~+/=-]{8,}/gi,
  // Password in a URL: scheme://user:secret@host.
  /\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@]*:)[^\s@/]+(?=@)/gi,
  // key=value and key: value forms, as in query strings, env dumps and YAML.
  /\b([\w.-]*(?:api[_-]?key|apikey|password|passwd|pwd|secret|token|routing[_-]?key|integration[_-]?key)[\w.-]*["']?)(\s*[=:]\s*["']?)[^\s"'&,;}]+/gi,
  /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g,
  /\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{30,}\b/g,
  /\bgithub_pat_[A-Za-z0-9_]{20,}/g,
  /\bxox[abposr]-[A-Za-z0-9-]{8,}/g,
  /\b(https?:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/)[A-Za-z0-9/_-]+/gi,
];

/**
 * Every built-in pattern needs one of these words or shapes; texts without any (most of them)
 * skip the nine regexes, which keeps exporting 100,000 events well under a second.
 */
const MAY_HOLD_SECRET = /bearer|basic|authori|cookie|api|key|pass|pwd|secret|token|:\/\/|AKIA|ASIA|gh[oprsu]_|github_pat_|xox/i;

/** Object keys whose string values are secrets whatever they look like. */
const SECRET_KEY = /^(authorization|proxy-authorization|cookie|set-cookie|password|passwd|secret|token|api[_-]?key|x-api-key|routing[_-]?key|routingkey|webhook|bearertoken)$/i;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Applies a pattern, keeping its first two groups (a label and separator) when it has them. */
function applyPattern(text: string, pattern: RegExp): string {
  return text.replace(pattern, (match: string, ...rest: unknown[]) => {
    // Capture groups come before the numeric offset (then the input, then named groups).
    const end = rest.findIndex((arg) => typeof arg === 'number');
    const groups = rest.slice(0, end).filter((g): g is string => typeof g === 'string');
    return groups.length > 0 ? groups.join('') + MASK : MASK;
  });
}

function buildRedactor(extra: readonly RegExp[], literals: readonly string[]): Redactor {
  return (text: string) => {
    let out = text;
    // Literal secrets first: a built-in pattern could otherwise cut one in half and leave a tail.
    for (const literal of literals) if (out.includes(literal)) out = out.split(literal).join(MASK);
    if (MAY_HOLD_SECRET.test(out)) for (const pattern of BUILT_IN) out = applyPattern(out, pattern);
    for (const pattern of extra) out = applyPattern(out, pattern);
    return out;
  };
}

/**
 * Builds the redactor for a config: built-ins, every configured secret value (≥ 4 characters,
 * shorter ones would mask ordinary words) and the `timeline.redact` regexes (matched whole, or
 * only their capture groups' surroundings kept). Invalid patterns throw a plain message.
 */
export function createRedactor(settings: RedactionSettings = {}): Redactor {
  const literals = [...new Set((settings.secrets ?? []).filter((s) => s.length >= 4))].sort((a, b) => b.length - a.length);
  const extra = (settings.timeline?.redact ?? []).map((source) => {
    try {
      return new RegExp(source, 'g');
    } catch (error) {
      throw new Error(`timeline.redact: invalid pattern ${JSON.stringify(source)}: ${(error as Error).message}`);
    }
  });
  return buildRedactor(extra, literals);
}

const builtIn = buildRedactor([], []);

/** Redacts a text with the built-in patterns only (no config at hand). */
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
