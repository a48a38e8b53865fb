// Whether a label set satisfies matchers, as Prometheus and Alertmanager decide it: a missing
// label reads as the empty string, and regexes are RE2, anchored at both ends.
import { RE2JS } from 're2js';
import type { LabelMatcher } from '../config/label-matchers.js';

/** A matcher ready to test label sets. */
export type CompiledMatcher = (labels: Readonly<Record<string, string>>) => boolean;

/** Compiles one matcher (its regex was checked when the matcher was parsed). */
export function compileMatcher(matcher: LabelMatcher): CompiledMatcher {
  const { name, value, isRegex, isEqual } = matcher;
  if (!isRegex) return (labels) => ((labels[name] ?? '') === value) === isEqual;
  const pattern = RE2JS.compile(`^(?:${value})$`);
  return (labels) => pattern.matches(labels[name] ?? '') === isEqual;
}

/** A test for "every matcher holds" (true for an empty list). */
export function compileMatchers(matchers: readonly LabelMatcher[]): CompiledMatcher {
  const compiled = matchers.map(compileMatcher);
  return (labels) => compiled.every((test) => test(labels));
}
