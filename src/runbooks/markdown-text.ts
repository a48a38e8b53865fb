// Turns mdast nodes back into the plain text the console shows: emphasis markers dropped,
// inline code kept in backticks (it is usually a command the reader should see as one), and
// terminal controls neutralised by the text kit (a heading once set the terminal's title).
import type { Nodes } from 'mdast';
import { oneLine } from '../text/neutralise.js';

/** The visible text of a node and its children, on one safe line. */
export function inlineText(node: Nodes): string {
  return oneLine(collect(node));
}

function collect(node: Nodes): string {
  switch (node.type) {
    case 'text':
      return node.value;
    case 'inlineCode':
      return '`' + node.value + '`';
    case 'code':
      return node.value;
    case 'html':
      return node.value;
    case 'break':
      return ' ';
    case 'image':
      return node.alt ?? '';
    case 'footnoteReference':
      return `[^${node.identifier}]`;
    default:
      if ('children' in node) return (node.children as Nodes[]).map(collect).join(node.type === 'paragraph' ? '' : ' ');
      return 'value' in node && typeof node.value === 'string' ? node.value : '';
  }
}

/** The 1-based line a node starts on (1 when the parser gave none). */
export function lineOf(node: Nodes): number {
  return node.position?.start.line ?? 1;
}
