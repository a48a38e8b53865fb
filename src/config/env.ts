// `${VAR}` and `${VAR:-default}` in config values, read from the environment before validation so
// that a variable can hold any value (a duration, a port, a token). Defaults may nest
// (`${A:-${B:-x}}`, as in the shell). `$${` writes a literal `${`.
//
// Commands (`run:` of actions, `command:` of checks and log sources) are the exception: there a
// value must stay data, so the reference is kept in the text for the shell to expand and the
// value travels in the command's environment (see ../exec/command-env.ts). The references are
// still checked here, so an unset variable without a default is the same config error.
import { isMap, isPair, isScalar, isSeq, Scalar, type Document } from 'yaml';
import type { CommandEnv } from '../exec/command-env.js';
import { rewriteAsExpansions, UnfillableSite, type ValueSite } from '../exec/quote-context.js';
import { isSecretEnvName } from '../text/secret-env.js';
import type { ConfigProblem } from './errors.js';
import { formatKeyPath, type PathStep, type YamlPositions } from './positions.js';

/** Result of filling one string: the text, or where and why it failed. */
export type Interpolated =
  | { ok: true; value: string; changed: boolean }
  | { ok: false; index: number; token: string; message: string };

/** One `${NAME}` or `${NAME:-default}` in a text; `fallback` is the default, itself a template. */
interface Reference {
  start: number;
  end: number;
  name: string;
  fallback?: Part[];
}

type Part = string | Reference;

type Failure = Extract<Interpolated, { ok: false }>;

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

const shapeHint = 'write ${NAME} or ${NAME:-default}';

/** Reads a template from `from`; inside a default (`nested`) it stops at the `}` that closes it. */
function parseParts(text: string, from: number, nested: boolean): { parts: Part[]; end: number } | Failure {
  const parts: Part[] = [];
  let literal = '';
  let i = from;
  while (i < text.length) {
    if (text.startsWith('$${', i)) {
      literal += '${';
      i += 3;
    } else if (text.startsWith('${', i)) {
      if (literal) parts.push(literal);
      literal = '';
      const ref = parseReference(text, i);
      if ('ok' in ref) return ref;
      parts.push(ref);
      i = ref.end;
    } else if (nested && text[i] === '}') {
      if (literal) parts.push(literal);
      return { parts, end: i };
    } else {
      literal += text[i];
      i++;
    }
  }
  if (literal) parts.push(literal);
  return { parts, end: i };
}

function parseReference(text: string, start: number): Reference | Failure {
  const closing = text.indexOf('}', start);
  const token = closing < 0 ? text.slice(start) : text.slice(start, closing + 1);
  const fail = (message: string): Failure => ({ ok: false, index: start, token, message });
  const name = NAME.exec(text.slice(start + 2))?.[0];
  if (closing < 0) return fail(`unclosed \`\${\`; ${shapeHint}`);
  if (!name) return fail(`bad variable reference \`${token}\`; ${shapeHint}`);
  const after = start + 2 + name.length;
  if (text[after] === '}') return { start, end: after + 1, name };
  if (!text.startsWith(':-', after)) return fail(`bad variable reference \`${token}\`; ${shapeHint}`);
  const inner = parseParts(text, after + 2, true);
  if ('ok' in inner) return inner;
  if (inner.end >= text.length) return { ok: false, index: start, token: text.slice(start), message: `unclosed \`\${\`; ${shapeHint}` };
  return { start, end: inner.end + 1, name, fallback: inner.parts };
}

/** Fills parts from `env`, like the shell: a default also applies to an empty value. */
function fill(parts: Part[], env: NodeJS.ProcessEnv, text: string): string | Failure {
  let out = '';
  for (const part of parts) {
    if (typeof part === 'string') {
      out += part;
      continue;
    }
    const value = env[part.name];
    if (value !== undefined && value !== '') out += value;
    else if (part.fallback !== undefined) {
      const inner = fill(part.fallback, env, text);
      if (typeof inner !== 'string') return inner;
      out += inner;
    } else if (value === undefined) {
      return {
        ok: false,
        index: part.start,
        token: text.slice(part.start, part.end),
        message: `environment variable ${part.name} is not set (write \${${part.name}:-default} to give a default)`,
      };
    }
  }
  return out;
}

/** Fills `${VAR}` / `${VAR:-default}` (defaults may nest); like the shell, the default also applies to an empty value. */
export function interpolate(text: string, env: NodeJS.ProcessEnv): Interpolated {
  const parsed = parseParts(text, 0, false);
  if ('ok' in parsed) return parsed;
  const value = fill(parsed.parts, env, text);
  if (typeof value !== 'string') return value;
  return { ok: true, value, changed: value !== text };
}

/** A command's text as the shell receives it, and the values its references read. */
export type CommandTemplate =
  | { ok: true; value: string; env: CommandEnv }
  | Failure;

function namesIn(parts: Part[], into: Set<string>): Set<string> {
  for (const part of parts) {
    if (typeof part === 'string') continue;
    into.add(part.name);
    if (part.fallback) namesIn(part.fallback, into);
  }
  return into;
}

/**
 * A command's references kept for the shell: checked as interpolate() checks them (an unset
 * variable without a default is the same error), then left in the text, each value handed over
 * as environment. A reference inside '…' is written so the shell still fills it (`'a '"${X}"' b'`).
 */
export function commandTemplate(text: string, env: NodeJS.ProcessEnv): CommandTemplate {
  const parsed = parseParts(text, 0, false);
  if ('ok' in parsed) return parsed;
  const checked = fill(parsed.parts, env, text);
  if (typeof checked !== 'string') return checked;
  // The text with `$${` unescaped, and where each top-level reference landed in it.
  let shell = '';
  const sites: ValueSite[] = [];
  for (const part of parsed.parts) {
    if (typeof part === 'string') {
      shell += part;
      continue;
    }
    const written = text.slice(part.start, part.end).replaceAll('$${', '${');
    sites.push({ start: shell.length, end: shell.length + written.length, name: part.name, isExpansion: true });
    shell += written;
  }
  let value: string;
  try {
    value = rewriteAsExpansions(shell, sites);
  } catch (error) {
    if (!(error instanceof UnfillableSite)) throw error;
    const first = parsed.parts.find((p): p is Reference => typeof p !== 'string')!;
    return { ok: false, index: first.start, token: text.slice(first.start, first.end), message: error.message };
  }
  const values: Record<string, string | null> = {};
  for (const name of namesIn(parsed.parts, new Set())) values[name] = env[name] ?? null;
  return { ok: true, value, env: values };
}

/** Whether a key path is a command the shell runs: `run:` of an action, `command:` of a check or log source. */
export function isCommandPath(path: readonly PathStep[]): boolean {
  if (path[0] !== 'services' || path.length !== 5) return false;
  return (path[2] === 'actions' && path[4] === 'run') || ((path[2] === 'checks' || path[2] === 'logs') && path[4] === 'command');
}

/** Plain (unquoted) scalars keep YAML's typing after filling, so `port: ${PORT:-22}` is a number. */
function retype(value: string): string | number | boolean | null {
  if (/^[-+]?\d+(\.\d+)?$/.test(value)) return Number(value);
  if (value === 'true' || value === 'false') return value === 'true';
  if (value === '' || value === '~' || value === 'null') return null;
  return value;
}

/** What filling a document found: problems, the values each command reads (by key path), and values of secret-looking variables. */
export interface DocumentEnv {
  problems: ConfigProblem[];
  /** By formatKeyPath() of the command's key. */
  commandEnv: Map<string, CommandEnv>;
  /** Values of referenced variables whose names look like credentials, for redaction. */
  secrets: string[];
}

/** Fills every string value of the document in place (commands: see commandTemplate); keys are left alone. */
export function interpolateDocument(doc: Document, text: string, env: NodeJS.ProcessEnv, positions: YamlPositions): DocumentEnv {
  const result: DocumentEnv = { problems: [], commandEnv: new Map(), secrets: [] };
  const noteSecrets = (source: string) => {
    const parsed = parseParts(source, 0, false);
    if ('ok' in parsed) return;
    for (const name of namesIn(parsed.parts, new Set())) {
      const value = env[name];
      if (value && isSecretEnvName(name)) result.secrets.push(value);
    }
  };
  const visit = (node: unknown, path: PathStep[]): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        visit(pair.value, [...path, key]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => visit(item, [...path, i]));
    } else if (isScalar(node) && typeof node.value === 'string' && node.value.includes('${')) {
      const command = isCommandPath(path);
      const filled = command ? commandTemplate(node.value, env) : interpolate(node.value, env);
      if (!filled.ok) {
        const range = node.range;
        const source = range ? text.slice(range[0], range[1]) : '';
        const found = source.indexOf(filled.token);
        const offset = range ? range[0] + (found >= 0 ? found : 0) : 0;
        const { line, col } = positions.at(offset);
        result.problems.push({ file: positions.file, line, col, keyPath: formatKeyPath(path), message: filled.message });
        return;
      }
      noteSecrets(node.value);
      if ('env' in filled) {
        result.commandEnv.set(formatKeyPath(path), filled.env);
        node.value = filled.value;
      } else {
        node.value = node.type === Scalar.PLAIN ? retype(filled.value) : filled.value;
      }
    }
  };
  visit(doc.contents, []);
  return result;
}
