// Prometheus/Alertmanager label matchers as people write them: `team="payments"`,
// `severity=~"critical|page"`, `env!="dev"`, alone or as a list (`{a="b", c!~"d.*"}` or
// `a="b",c="d"`). Written here because no maintained npm package parses them (amtool's parser is
// Go); the grammar is small: a label name, one of = != =~ !~, and a value, double-quoted with
// backslash escapes or bare up to the next comma. Regex values are checked on RE2 (re2js), the
// syntax Alertmanager itself evaluates them with.
import { RE2JS } from 're2js';

/** One label matcher, in the shape Alertmanager's v2 API takes for silences. */
export interface LabelMatcher {
  name: string;
  value: string;
  isRegex: boolean;
  /** False for the negative operators (`!=`, `!~`). */
  isEqual: boolean;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Longest matcher list accepted (characters): a silence's matchers are short. */
export const MAX_MATCHERS_TEXT = 2000;

/** Reads a list of matchers (braces optional, commas between them); an error says what is wrong and where. */
export function parseMatchers(text: string): LabelMatcher[] | { error: string } {
  if (text.length > MAX_MATCHERS_TEXT) return { error: `matchers are longer than ${MAX_MATCHERS_TEXT} characters` };
  let rest = text.trim();
  if (rest.startsWith('{')) {
    if (!rest.endsWith('}')) return { error: 'a { must be closed by }' };
    rest = rest.slice(1, -1).trim();
  }
  const matchers: LabelMatcher[] = [];
  while (rest !== '') {
    const read = readMatcher(rest);
    if ('error' in read) return read;
    matchers.push(read.matcher);
    rest = read.rest.trim();
    if (rest === '') break;
    if (!rest.startsWith(',')) return { error: `expected a comma before ${JSON.stringify(rest.slice(0, 20))}` };
    rest = rest.slice(1).trim();
  }
  if (matchers.length === 0) return { error: 'expected at least one matcher such as alertname="HighErrorRate"' };
  return matchers;
}

/** Reads exactly one matcher (`team="payments"`). */
export function parseMatcher(text: string): LabelMatcher | { error: string } {
  const read = readMatcher(text.trim());
  if ('error' in read) return read;
  if (read.rest.trim() !== '') return { error: `unexpected ${JSON.stringify(read.rest.trim().slice(0, 20))} after the matcher` };
  return read.matcher;
}

function readMatcher(text: string): { matcher: LabelMatcher; rest: string } | { error: string } {
  const op = /^([^=!~\s,"{}]*)\s*(=~|!~|!=|=)\s*/.exec(text);
  if (!op) return { error: `expected NAME="value" (or != =~ !~), got ${JSON.stringify(text.slice(0, 30))}` };
  const name = op[1]!;
  if (!NAME.test(name)) return { error: `not a label name: ${JSON.stringify(name)} (letters, digits and _; not starting with a digit)` };
  const after = text.slice(op[0].length);
  const value = after.startsWith('"') ? readQuoted(after) : readBare(after);
  if ('error' in value) return value;
  const operator = op[2]!;
  const matcher: LabelMatcher = { name, value: value.value, isRegex: operator.includes('~'), isEqual: !operator.startsWith('!') };
  if (matcher.isRegex) {
    try {
      RE2JS.compile(`^(?:${matcher.value})$`);
    } catch (error) {
      return { error: `not a valid regular expression for ${name}: ${(error as Error).message.replace(/^error parsing regexp: /, '')}` };
    }
  }
  return { matcher, rest: value.rest };
}

function readQuoted(text: string): { value: string; rest: string } | { error: string } {
  let value = '';
  for (let i = 1; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') return { value, rest: text.slice(i + 1) };
    if (c === '\\') {
      const next = text[i + 1];
      if (next === undefined) break;
      value += next === 'n' ? '\n' : next === 't' ? '\t' : next;
      i++;
    } else {
      value += c;
    }
  }
  return { error: 'a quoted value is not closed by "' };
}

function readBare(text: string): { value: string; rest: string } | { error: string } {
  const end = text.search(/[,}]/);
  const value = (end < 0 ? text : text.slice(0, end)).trim();
  if (value.includes('"')) return { error: `a value with " must be quoted as a whole: ${JSON.stringify(value.slice(0, 30))}` };
  return { value, rest: end < 0 ? '' : text.slice(end) };
}

/** A matcher written back as text, quoted and escaped (`team="pay\"ments"`). */
export function formatMatcher(matcher: LabelMatcher): string {
  const operator = matcher.isEqual ? (matcher.isRegex ? '=~' : '=') : matcher.isRegex ? '!~' : '!=';
  return `${matcher.name}${operator}${JSON.stringify(matcher.value)}`;
}

/** Matchers written back as one list (`a="b", c=~"d"`). */
export function formatMatchers(matchers: readonly LabelMatcher[]): string {
  return matchers.map(formatMatcher).join(', ');
}
