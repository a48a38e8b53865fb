// Writing untrusted text (titles, notes, commands, log lines) into Markdown that stays valid
// CommonMark/GFM and passes markdownlint: escaped so it cannot become markup, HTML, links or
// extra table columns, and with terminal controls neutralised by the text kit (a draft is read
// in a terminal too).
import { oneLine } from '../text/neutralise.js';

// http(s) URLs become <autolinks> (MD034 forbids bare ones); trailing punctuation stays outside.
const URL = /\b(?:https?|ftp):\/\/[^\s<>"`\\|]*[^\s<>"`\\|.,;:!?)\]'}]/gi;

/** Anything escapePlain would change; most texts have none and are returned as they are. */
const NEEDS_ESCAPE = /[\\`*[\]<|~_&@]|:\/\/|www\./i;

/** Escapes plain (non-URL) text so it cannot become markup, HTML, entities or autolinks. */
function escapePlain(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return (
    text
      .replace(/[\\`*[\]<|~]/g, '\\$&')
      // Intraword underscores (snake_case) are not emphasis; only escape the ones that could be.
      .replace(/(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g, '\\_')
      .replace(/&(?=#?\w+;)/g, '\\&')
      // GFM would autolink an email or www. address (MD034).
      .replace(/@(?=[\w-]+\.\w)/g, '\\@')
      .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}\\.`)
      .replace(/:\/\//g, '\\://')
  );
}

/** Controls, tabs, newlines, runs of spaces or bidi controls: the texts that need flattening first. */
const UNUSUAL_SPACE_OR_CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]|[^\S ]| {2}/;

/** Escapes text for inline Markdown on one line (table cells, list items, headings). */
export function inlineText(text: string): string {
  const flat = UNUSUAL_SPACE_OR_CONTROL.test(text) ? oneLine(text) : text.trim();
  if (!flat.includes('://')) return escapePlain(flat);
  let out = '';
  let last = 0;
  for (const match of flat.matchAll(URL)) {
    out += escapePlain(flat.slice(last, match.index)) + `<${match[0]}>`;
    last = (match.index ?? 0) + match[0].length;
  }
  return out + escapePlain(flat.slice(last));
}

/** A table cell: escaped, never empty. */
export function cell(text: string): string {
  const escaped = inlineText(text);
  return escaped === '' ? '—' : escaped;
}

/**
 * A GFM table in markdownlint's compact style. Rows cannot wrap, so the line-length rule (MD013)
 * is switched off around each table only; everything else keeps to 80 columns.
 */
export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  const out = ['<!-- markdownlint-disable MD013 -->', line(headers), line(headers.map(() => '---'))];
  for (const row of rows) out.push(line(row));
  out.push('<!-- markdownlint-enable MD013 -->');
  return out.join('\n');
}

/**
 * Wraps already-escaped inline text to `width` columns, indenting continuation lines. Never
 * breaks before a word that could start a block (a list marker, heading or quote) on its own line.
 */
export function wrap(text: string, width: number, indent: string): string {
  const words = text.split(' ');
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    const candidate = current === '' ? word : `${current} ${word}`;
    const safeToBreak = !/^([-+*=#>]|\d+[.)])/.test(word);
    if (current !== '' && candidate.length > width && safeToBreak) {
      lines.push(current);
      current = word;
    } else {
      current = candidate;
    }
  }
  if (current !== '') lines.push(current);
  return lines.map((l, i) => (i === 0 ? l : indent + l)).join('\n');
}
