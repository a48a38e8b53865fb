// Where a spot in a shell command sits: outside quotes, inside "…", inside '…', or in a heredoc
// body. Values become shell data by turning each place a value goes into a parameter expansion
// (`${NAME}`) that the shell fills from the environment; how that expansion must be written
// depends only on the quoting around it, which is what this scanner tracks.
//
// Written here rather than taken from a parser library: the shell parsers on npm either drop the
// quoting from their AST (bash-parser gives a word's text with its quotes removed) or are far too
// heavy for a question this small (mvdan-sh, 1.5 MB). Quote state is a lexer concern: `'`, `"`,
// `$'`, backticks, `$(…)` and `${…}` nesting, comments and heredocs.

/** The quoting around one character of a command. */
export type QuoteContext = 'plain' | 'double' | 'single' | 'ansi' | 'heredoc' | 'quoted-heredoc' | 'comment';

type Frame =
  | { kind: 'code'; parens: number; closer: ')' | '`' | '}' | null }
  | { kind: 'double' };

const NAMES: QuoteContext[] = ['plain', 'double', 'single', 'ansi', 'heredoc', 'quoted-heredoc', 'comment'];

/** The quoting context of every character of `text` (one entry per UTF-16 unit). */
export function quoteContexts(text: string): QuoteContext[] {
  const out = new Uint8Array(text.length);
  const stack: Frame[] = [{ kind: 'code', parens: 0, closer: null }];
  const pendingHeredocs: { tag: string; quoted: boolean; stripTabs: boolean }[] = [];
  const mark = (from: number, to: number, context: QuoteContext) => out.fill(NAMES.indexOf(context), from, to);
  let i = 0;
  while (i < text.length) {
    const top = stack[stack.length - 1]!;
    const c = text[i]!;
    if (c === '\n' && pendingHeredocs.length > 0 && top.kind === 'code') {
      // Heredoc bodies start on the line after the operator, one after the other.
      i++;
      for (const doc of pendingHeredocs.splice(0)) {
        while (i < text.length) {
          const lineEnd = text.indexOf('\n', i) < 0 ? text.length : text.indexOf('\n', i);
          const line = text.slice(i, lineEnd);
          const closing = (doc.stripTabs ? line.replace(/^\t+/, '') : line) === doc.tag;
          mark(i, lineEnd, closing ? 'plain' : doc.quoted ? 'quoted-heredoc' : 'heredoc');
          i = lineEnd + 1;
          if (closing) break;
        }
      }
      continue;
    }
    if (top.kind === 'double') {
      mark(i, i + 1, 'double');
      if (c === '\\') {
        mark(i, i + 2, 'double');
        i += 2;
      } else if (c === '"') {
        stack.pop();
        i++;
      } else if (c === '$' && text[i + 1] === '(') {
        stack.push({ kind: 'code', parens: 0, closer: ')' });
        i += 2;
      } else if (c === '$' && text[i + 1] === '{') {
        stack.push({ kind: 'code', parens: 0, closer: '}' });
        i += 2;
      } else if (c === '`') {
        stack.push({ kind: 'code', parens: 0, closer: '`' });
        i++;
      } else i++;
      continue;
    }
    // Code: outside quotes (at the top level or inside $(…), `…` or ${…}).
    if (c === '\\') {
      i += 2;
    } else if (c === "'" || (c === '$' && text[i + 1] === "'")) {
      const ansi = c === '$';
      const start = i + (ansi ? 2 : 1);
      let end = start;
      while (end < text.length && text[end] !== "'") end += ansi && text[end] === '\\' ? 2 : 1;
      mark(i, Math.min(end + 1, text.length), ansi ? 'ansi' : 'single');
      // The quote characters themselves are code; only what lies between them is quoted.
      mark(i, start, 'plain');
      if (end < text.length) mark(end, end + 1, 'plain');
      i = end + 1;
    } else if (c === '"') {
      stack.push({ kind: 'double' });
      i++;
    } else if (c === '`') {
      if (top.closer === '`') stack.pop();
      else stack.push({ kind: 'code', parens: 0, closer: '`' });
      i++;
    } else if (c === '$' && (text[i + 1] === '(' || text[i + 1] === '{')) {
      stack.push({ kind: 'code', parens: 0, closer: text[i + 1] === '(' ? ')' : '}' });
      i += 2;
    } else if (c === '(') {
      top.parens++;
      i++;
    } else if (c === ')' || c === '}') {
      if (top.parens > 0 && c === ')') top.parens--;
      else if (top.closer === c && stack.length > 1) stack.pop();
      i++;
    } else if (c === '#' && (i === 0 || /[\s;&|()]/.test(text[i - 1]!))) {
      const end = text.indexOf('\n', i) < 0 ? text.length : text.indexOf('\n', i);
      mark(i, end, 'comment');
      i = end;
    } else if (c === '<' && text[i + 1] === '<' && text[i + 2] !== '<') {
      const m = /^<<(-?)[ \t]*(?:'([^'\n]+)'|"([^"\n]+)"|\\?([A-Za-z_0-9][\w.-]*))/.exec(text.slice(i));
      if (m) {
        pendingHeredocs.push({ tag: m[2] ?? m[3] ?? m[4]!, quoted: m[4] === undefined || m[0].includes('\\'), stripTabs: m[1] === '-' });
        i += m[0].length;
      } else i += 2;
    } else i++;
  }
  return [...out].map((n) => NAMES[n]!);
}

/** A place in a command where a value goes, and the variable that will hold it. */
export interface ValueSite {
  start: number;
  end: number;
  name: string;
  /** The text at the site is already an expansion of `name` (`$NAME`, `${NAME}`, `${NAME:-x}`). */
  isExpansion: boolean;
}

/** Why a site cannot be turned into an expansion. */
export class UnfillableSite extends Error {}

/**
 * Rewrites each site as an expansion of its variable, written so the shell fills it in as data:
 * outside quotes `"${NAME}"` (an expansion already written stays as it is), inside "…" and in a
 * heredoc `${NAME}`, inside '…' the quote is closed around `"${NAME}"`. A site inside a quoted
 * heredoc cannot be filled by the shell at all and throws UnfillableSite.
 */
export function rewriteAsExpansions(text: string, sites: readonly ValueSite[]): string {
  const contexts = quoteContexts(text);
  let out = '';
  let last = 0;
  for (const site of [...sites].sort((a, b) => a.start - b.start)) {
    if (site.start < last) continue;
    const original = text.slice(site.start, site.end);
    const expansion = site.isExpansion ? (original.startsWith('${') ? original : `\${${site.name}}`) : `\${${site.name}}`;
    const context = contexts[site.start] ?? 'plain';
    let written: string;
    if (context === 'single') written = `'"${expansion}"'`;
    else if (context === 'ansi') written = `'"${expansion}"$'`;
    else if (context === 'quoted-heredoc') throw new UnfillableSite(`${original} is inside a quoted heredoc, where the shell fills in nothing`);
    else if (context === 'double' || context === 'heredoc') written = site.isExpansion ? original : expansion;
    else written = site.isExpansion ? original : `"${expansion}"`;
    out += text.slice(last, site.start) + written;
    last = site.end;
  }
  return out + text.slice(last);
}
