// Markdown text to an mdast tree, in pieces when the text is long. The toolchain (micromark +
// mdast-util-from-markdown) slows down more than in proportion to the document's length: in
// benchmark B14 one 1 MB runbook took twice as long as the same text read in 32 KB pieces. A long
// runbook is therefore cut before top-level headings and each piece is read on its own, its line
// numbers moved to where the piece starts. A cut is only kept where the whole-document reading
// would be at the top level too; every other case reads the text whole (see `pieces`).
import type { Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';

/** Below this size a runbook is read whole. */
const WHOLE_BELOW = 64 * 1024;
/** About how much text one piece holds. */
const PIECE_SIZE = 32 * 1024;

/** A heading at the left margin: it ends any paragraph, list, quote or table before it. */
const TOP_HEADING = /^#{1,6}(?:[ \t]|$)/;
/** A fence opening or closing at the top level (up to three spaces of indent). */
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
/**
 * Link and footnote definitions hold for the whole document (`[x]: url` near the end serves a
 * `[x]` at the top): a runbook holding one is read whole.
 */
const DEFINITION = /^ {0,3}\[[^\]\n]+\]:/m;

/** The mdast tree of `source` (CommonMark + GFM), the same as reading it whole. */
export function markdownTree(source: string, pieceSize = PIECE_SIZE, wholeBelow = WHOLE_BELOW): Root {
  if (source.length < wholeBelow || DEFINITION.test(source)) return read(source);
  const lines = source.split('\n');
  const cuts = cutLines(lines, pieceSize);
  const root: Root = { type: 'root', children: [] };
  let from = 0;
  let fromOffset = 0;
  for (let k = 0; k <= cuts.length; k++) {
    const to = k < cuts.length ? cuts[k]! : lines.length;
    if (to <= from) continue;
    const tree = read(lines.slice(from, to).join('\n'));
    // A piece ending inside something still open (a fence, an HTML block or comment) runs to
    // its last line, blank lines included: then the cut was wrong and the piece goes on.
    const last = tree.children.at(-1);
    if (k < cuts.length && last?.position && last.position.end.line >= to - from) continue;
    for (const node of tree.children) root.children.push(moved(node, from, fromOffset));
    for (let i = from; i < to; i++) fromOffset += lines[i]!.length + 1;
    from = to;
  }
  root.position = { start: { line: 1, column: 1, offset: 0 }, end: { line: lines.length, column: lines.at(-1)!.length + 1, offset: source.length } };
  return root;
}

function read(text: string): Root {
  return fromMarkdown(text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
}

/**
 * Where pieces may start: a top-level heading after a blank line, outside any fence this simple
 * scan sees, about `pieceSize` characters after the previous cut. The scan can be wrong (a fence
 * inside a list item, an HTML block); the check in `markdownTree` catches that.
 */
function cutLines(lines: string[], pieceSize: number): number[] {
  const cuts: number[] = [];
  let fence: { char: string; length: number } | null = null;
  let size = 0;
  for (const [i, line] of lines.entries()) {
    const marker = FENCE.exec(line)?.[1];
    if (marker && !fence) fence = { char: marker[0]!, length: marker.length };
    else if (marker && fence && marker[0] === fence.char && marker.length >= fence.length && line.trim() === marker) fence = null;
    else if (!fence && size >= pieceSize && i > 0 && lines[i - 1]!.trim() === '' && TOP_HEADING.test(line)) {
      cuts.push(i);
      size = 0;
    }
    size += line.length + 1;
  }
  return cuts;
}

interface Placed {
  position?: { start: { line: number; offset?: number | undefined }; end: { line: number; offset?: number | undefined } };
  children?: unknown[];
}

/** A node of a piece starting at line `from + 1` (character `fromOffset`), with its positions (and its children's) where they are in the whole text. */
function moved<T extends RootContent>(node: T, from: number, fromOffset: number): T {
  if (from === 0) return node;
  const shift = (n: Placed): void => {
    if (n.position) {
      for (const point of [n.position.start, n.position.end]) {
        point.line += from;
        if (point.offset !== undefined) point.offset += fromOffset;
      }
    }
    for (const child of n.children ?? []) shift(child as Placed);
  };
  shift(node as Placed);
  return node;
}
