// Patterns written by people (`timeline.redact` in the config) run on every line shown or
// recorded, so one bad pattern must not freeze the console: `(a+)+$` took V8's backtracking
// engine more than 30 s on one 40-character line. They run on re2js, a pure-JS port of RE2
// (linear time in the input by construction; no native build to fail on a host; zero
// dependencies; maintained). A heuristic checker (safe-regex2) can miss a slow pattern, and a
// precise one (recheck) still leaves the pattern on the backtracking engine. The price: RE2
// syntax, so lookaround and backreferences are refused with a message, not run.
import { RE2JS } from 're2js';

/** Longest pattern accepted, in characters. */
export const MAX_PATTERN_LENGTH = 1000;
/** Largest compiled program accepted (RE2 instructions): bounds memory and the per-character cost. */
export const MAX_PROGRAM_SIZE = 10_000;

/** A pattern compiled for linear-time matching. */
export interface SafePattern {
  /** The pattern as written. */
  readonly source: string;
  /** Whether it matches anywhere in `text`. */
  test(text: string): boolean;
  /** Replaces every match; `replace` gets the match and its capture groups (undefined when unset). */
  replaceAll(text: string, replace: (match: string, groups: readonly (string | undefined)[]) => string): string;
}

/** Compiles `source` for linear-time matching, or says in plain words why it cannot be used. */
export function compileSafePattern(source: string, options: { ignoreCase?: boolean } = {}): SafePattern | { error: string } {
  if (source.length > MAX_PATTERN_LENGTH) return { error: `pattern is longer than ${MAX_PATTERN_LENGTH} characters` };
  let compiled: RE2JS;
  try {
    compiled = RE2JS.compile(source, options.ignoreCase ? RE2JS.CASE_INSENSITIVE : 0);
  } catch (error) {
    return { error: explain((error as Error).message) };
  }
  if (compiled.programSize() > MAX_PROGRAM_SIZE) return { error: `pattern is too large (${compiled.programSize()} steps; at most ${MAX_PROGRAM_SIZE})` };
  const groups = compiled.groupCount();
  return {
    source,
    test: (text) => compiled.test(text),
    replaceAll: (text, replace) => {
      if (!compiled.test(text)) return text;
      return compiled.matcher(text).replaceAll((match: string, ...rest: unknown[]) =>
        replace(match, rest.slice(0, groups).map((g) => (typeof g === 'string' ? g : undefined))),
      );
    },
  };
}

/** re2js's parser message in the config's words, with a hint for the usual JS-only syntax. */
function explain(message: string): string {
  const detail = message.replace(/^error parsing regexp: /, '');
  const lookaround = /unsupported Perl syntax: `\(\?[=!<]/.test(message) || /invalid named capture: `\(\?<[=!]/.test(message);
  if (lookaround || /invalid escape sequence: `\\[1-9]/.test(message)) {
    return `uses lookaround or a backreference, which the linear-time pattern engine does not run (${detail})`;
  }
  return `not a valid pattern (${detail})`;
}
