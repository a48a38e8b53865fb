// Turns zod's issues into located, plain-English problems. zod reports paths into the parsed
// value; those paths are the same as the YAML tree's, so positions map back one to one.
import type { z } from 'zod';
import type { ConfigProblem } from './errors.js';
import type { PathStep, YamlPositions } from './positions.js';
import { show } from './schema-values.js';

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping',
  null: 'an empty value',
};

/** The parsed value at `path`, to quote it back to the user. */
function valueAt(root: unknown, path: readonly PathStep[]): unknown {
  let node = root;
  for (const step of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[step];
  }
  return node;
}

/** The message for one issue, in the vocabulary of the config file rather than of TypeScript. */
function describe(issue: z.ZodIssue, value: unknown): string {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.received === 'undefined') return `missing required key \`${String(issue.path[issue.path.length - 1])}\``;
      return `expected ${TYPE_WORDS[issue.expected] ?? issue.expected}, got ${show(value)}`;
    }
    case 'invalid_enum_value':
      return `expected one of ${issue.options.join(', ')}, got ${show(value)}`;
    case 'invalid_union': {
      const expected = new Set<string>();
      for (const err of issue.unionErrors) {
        for (const sub of err.issues) if (sub.code === 'invalid_type') expected.add(TYPE_WORDS[sub.expected] ?? sub.expected);
      }
      return expected.size > 0 ? `expected ${[...expected].join(' or ')}, got ${show(value)}` : `unexpected value ${show(value)}`;
    }
    case 'too_small':
      if (issue.type === 'array') return `must have at least ${String(issue.minimum)} entr${issue.minimum === 1 ? 'y' : 'ies'}`;
      return issue.message;
    default:
      return issue.message;
  }
}

function lineCol(pos: { line: number; col: number }): { line: number; col: number } {
  return { line: pos.line, col: pos.col };
}

/** Located problems for every issue zod found in `parsed`. */
export function problemsFromZod(error: z.ZodError, parsed: unknown, positions: YamlPositions): ConfigProblem[] {
  const seen = new Set<string>();
  const problems: ConfigProblem[] = [];
  for (const issue of error.issues) {
    const onKey = issue.code === 'custom' && (issue.params as { onKey?: boolean } | undefined)?.onKey === true;
    const message = describe(issue, valueAt(parsed, issue.path));
    // A missing key has no text of its own: point at the key of the mapping it is missing from.
    const missing = issue.code === 'invalid_type' && issue.received === 'undefined';
    const problem = missing
      ? { ...positions.problem(issue.path, message), ...lineCol(positions.keyPos(issue.path.slice(0, -1))) }
      : positions.problem(issue.path, message, onKey);
    const id = `${problem.line}:${problem.col}:${problem.message}`;
    if (!seen.has(id)) {
      seen.add(id);
      problems.push(problem);
    }
  }
  return problems;
}
