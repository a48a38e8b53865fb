// `${VAR}` and `${VAR:-default}` in config values, filled from the environment before validation
// so that a variable can hold any value (a duration, a port, a token). `$${` writes a literal `${`.
import { isMap, isPair, isScalar, isSeq, Scalar, type Document } from 'yaml';
import type { ConfigProblem } from './errors.js';
import { formatKeyPath, type PathStep, type YamlPositions } from './positions.js';

/** Result of filling one string: the text, or where and why it failed. */
export type Interpolated =
  | { ok: true; value: string; changed: boolean }
  | { ok: false; index: number; token: string; message: string };

const REF = /\$\$\{|\$\{([^}]*)\}?/g;

/** Fills `${VAR}` / `${VAR:-default}`; like the shell, the default also applies to an empty value. */
export function interpolate(text: string, env: NodeJS.ProcessEnv): Interpolated {
  let out = '';
  let last = 0;
  let changed = false;
  for (const m of text.matchAll(REF)) {
    const index = m.index;
    out += text.slice(last, index);
    last = index + m[0].length;
    changed = true;
    if (m[0] === '$${') {
      out += '${';
      continue;
    }
    const token = m[0];
    if (!token.endsWith('}')) return { ok: false, index, token, message: `unclosed \`\${\`; write \${NAME} or \${NAME:-default}` };
    const body = m[1]!;
    const parsed = /^([A-Za-z_][A-Za-z0-9_]*)(?::-(.*))?$/s.exec(body);
    if (!parsed) return { ok: false, index, token, message: `bad variable reference \`${token}\`; write \${NAME} or \${NAME:-default}` };
    const [, name, fallback] = parsed;
    const value = env[name!];
    if (value !== undefined && value !== '') out += value;
    else if (fallback !== undefined) out += fallback;
    else if (value === '') out += '';
    else return { ok: false, index, token, message: `environment variable ${name} is not set (write \${${name}:-default} to give a default)` };
  }
  out += text.slice(last);
  return { ok: true, value: out, changed };
}

/** Plain (unquoted) scalars keep YAML's typing after filling, so `port: ${PORT:-22}` is a number. */
function retype(value: string): string | number | boolean | null {
  if (/^[-+]?\d+(\.\d+)?$/.test(value)) return Number(value);
  if (value === 'true' || value === 'false') return value === 'true';
  if (value === '' || value === '~' || value === 'null') return null;
  return value;
}

/** Fills every string value of the document in place; keys are left alone. Returns the problems. */
export function interpolateDocument(
  doc: Document,
  text: string,
  env: NodeJS.ProcessEnv,
  positions: YamlPositions,
): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
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
      const result = interpolate(node.value, env);
      if (!result.ok) {
        const range = node.range;
        const source = range ? text.slice(range[0], range[1]) : '';
        const found = source.indexOf(result.token);
        const offset = range ? range[0] + (found >= 0 ? found : 0) : 0;
        const { line, col } = positions.at(offset);
        problems.push({ file: positions.file, line, col, keyPath: formatKeyPath(path), message: result.message });
        return;
      }
      node.value = node.type === Scalar.PLAIN ? retype(result.value) : result.value;
    }
  };
  visit(doc.contents, []);
  return problems;
}
