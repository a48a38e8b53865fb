// Turns mdast nodes back into the plain text the console shows: emphasis markers dropped,
// inline code kept in backticks (it is usually a command the reader should see as one), and
// terminal controls neutralised by the text kit (a heading once set the terminal's title).
import type { Nodes } from 'mdast';
import { oneLine } from '../text/neutralise.js';

/** The visible text of a node and its children, on one safe line. */
export function inlineText(node: Nodes): string {
  return oneLine(collect(node));
}

/** The text of one node itself; undefined when its text is its children's. */
function own(node: Nodes): string | undefined {
  switch (node.type) {
    case 'text':
    case 'code':
    case 'html':
      return node.value;
    case 'inlineCode':
      return '`' + node.value + '`';
    case 'break':
      return ' ';
    case 'image':
    case 'imageReference':
      return node.alt ?? '';
    case 'footnoteReference':
      // As written: the identifier is the label lowercased.
      return `[^${node.label ?? node.identifier}]`;
    default:
      if ('children' in node) return undefined;
      return 'value' in node && typeof node.value === 'string' ? node.value : '';
  }
}

/** Nodes whose children are inline text. */
const PHRASING_CONTAINERS = new Set(['paragraph', 'heading', 'tableCell', 'strong', 'emphasis', 'delete', 'link', 'linkReference']);

// Walked with a stack of its own rather than recursion: a hostile file nests quotes or lists
// thousands deep, and the text must still come out (parsing never throws).
function collect(root: Nodes): string {
  const out: string[] = [];
  const stack: (Nodes | string)[] = [root];
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (typeof next === 'string') {
      out.push(next);
      continue;
    }
    const text = own(next);
    if (text !== undefined) {
      out.push(text);
      continue;
    }
    const children = (next as { children: Nodes[] }).children;
    // Blocks (items, quotes, cells of a row) are words apart; the inline parts of a paragraph,
    // heading, cell or link sit as written (a space around `x` in "Run `x`." is not the author's).
    const joiner = PHRASING_CONTAINERS.has(next.type) ? '' : ' ';
    for (let i = children.length - 1; i >= 0; i--) {
      stack.push(children[i]!);
      if (i > 0 && joiner !== '') stack.push(joiner);
    }
  }
  return out.join('');
}

/** The visible text of a node line by line, as the author broke it (soft line breaks kept). */
export function textLines(node: Nodes): string[] {
  return collect(node)
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '');
}

/** The 1-based line a node starts on (1 when the parser gave none). */
export function lineOf(node: Nodes): number {
  return node.position?.start.line ?? 1;
}
