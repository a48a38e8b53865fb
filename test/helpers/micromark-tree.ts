// The CommonMark + GFM reference reader: micromark and mdast-util-from-markdown, what warroom
// parsed runbooks with before markdown-it (src/runbooks/markdown-tree.ts). Tests parse runbooks
// with both and compare; benchmark B14 keeps micromark as its floor.
import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';

/** The mdast tree micromark reads from `source`, whole. */
export function micromarkTree(source: string): Root {
  return fromMarkdown(source, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
}
