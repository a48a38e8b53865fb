// Markdown text to the mdast tree the runbook builder reads (parse.ts), through markdown-it's
// tokenizer. micromark + mdast-util-from-markdown built the same tree at a few hundred KB a
// second (benchmark B14: 1 MB took ~4 s, 59 % of it micromark's tokenizer, 28 % the tree);
// markdown-it is CommonMark too, has GFM tables and strikethrough built in, and its token stream
// is flat (open / close tokens with line ranges), so the tree is made here in one pass with no
// recursion. Only the node kinds and fields the builder reads are made; GFM task items are
// recognised as micromark's extension does (see `taskCheck`). Where the two readers differ on
// purpose, test/runbooks/parser-equivalence.test.ts says which is right.
import type { FootnoteDefinition, Heading, ListItem, Nodes, Paragraph, Parent, PhrasingContent, Root } from 'mdast';
import MarkdownIt, { type Options } from 'markdown-it';
import type { Token } from 'markdown-it';
import { gfmStrikethrough } from './gfm-strikethrough.js';

/**
 * How deep blocks may nest (lists, items, quotes: each counts one). markdown-it stops reading a
 * document's blocks past its `maxNesting` without a word, so past this the runbook is refused with
 * the line instead (MarkdownNestingError). Real runbooks nest a few levels; 50 KB of `> > > …` and
 * a list 800 deep (benchmark B14's hostile shapes) reach it within milliseconds.
 */
export const NESTING_LIMIT = 200;

/** A document whose blocks nest deeper than NESTING_LIMIT. */
export class MarkdownNestingError extends Error {
  constructor(readonly line: number) {
    super(`nesting too deep at line ${line}: lists or quotes more than ${NESTING_LIMIT} levels deep are not read`);
    this.name = 'MarkdownNestingError';
  }
}

// maxNesting is an option markdown-it reads but its type does not list.
const options: Options & { maxNesting: number } = { html: true, maxNesting: NESTING_LIMIT + 2 };
const md = new MarkdownIt(options);
// A runbook's links are shown, never followed or rendered as HTML: keep every destination as the
// author wrote it (markdown-it would drop `javascript:` links, leaving their brackets as text, and
// percent-encode the rest), as mdast does.
md.validateLink = () => true;
md.normalizeLink = (url) => url;
md.normalizeLinkText = (text) => text;
md.use(gfmStrikethrough);

type Container = Parent & { type: string };

/** The mdast tree of `source` (CommonMark + GFM tables, strikethrough and task items). */
export function markdownTree(source: string): Root {
  // A byte order mark (editors on Windows write one) is not text: micromark drops it too.
  const tokens = md.parse(source.charCodeAt(0) === 0xfeff ? source.slice(1) : source, {});
  const root: Root = { type: 'root', children: [] };
  const stack: Container[] = [root];
  for (const token of tokens) {
    if (token.level >= NESTING_LIMIT) throw new MarkdownNestingError(deepestLine(tokens, token));
    const parent = stack.at(-1)!;
    if (token.nesting === -1) {
      if (token.type === 'thead_close' || token.type === 'tbody_close') continue;
      const closed = stack.pop()!;
      if (closed.type === 'listItem') taskCheck(closed as ListItem);
      else if (closed.type === 'paragraph') footnoteDefinition(closed as Paragraph, stack.at(-1)!);
      continue;
    }
    const node = blockNode(token, parent);
    if (node === null) continue;
    (parent.children as Nodes[]).push(node);
    if (token.nesting === 1) stack.push(node as Container);
  }
  const lines = source.split('\n').length;
  root.position = { start: { line: 1, column: 1 }, end: { line: lines, column: 1 } };
  return root;
}

/** The line of the nearest token at or before `token` that has one. */
function deepestLine(tokens: Token[], token: Token): number {
  for (let i = tokens.indexOf(token); i >= 0; i--) if (tokens[i]!.map) return tokens[i]!.map![0] + 1;
  return 1;
}

/** The mdast node a block token opens or stands for, with its lines; null for tokens with no node of their own (thead, tbody). */
function blockNode(token: Token, parent: Container): Nodes | null {
  const node = bareNode(token, parent);
  if (node !== null && token.map) node.position = { start: { line: token.map[0] + 1, column: 1 }, end: { line: token.map[1], column: 1 } };
  return node;
}

function bareNode(token: Token, parent: Container): Nodes | null {
  switch (token.type) {
    case 'heading_open':
      return { type: 'heading', depth: Number(token.tag.slice(1)) as Heading['depth'], children: [] };
    case 'paragraph_open':
      return { type: 'paragraph', children: [] };
    case 'bullet_list_open':
      return { type: 'list', ordered: false, start: null, spread: false, children: [] };
    case 'ordered_list_open':
      return { type: 'list', ordered: true, start: Number(token.attrGet('start') ?? 1), spread: false, children: [] };
    case 'list_item_open':
      return { type: 'listItem', checked: null, spread: false, children: [] };
    case 'blockquote_open':
      return { type: 'blockquote', children: [] };
    case 'table_open':
      return { type: 'table', align: [], children: [] };
    case 'tr_open':
      return { type: 'tableRow', children: [] };
    case 'th_open':
    case 'td_open':
      return { type: 'tableCell', children: [] };
    case 'thead_open':
    case 'tbody_open':
      return null;
    case 'fence':
      return { type: 'code', ...info(token.info), value: withoutLastNewline(token.content) };
    case 'code_block':
      return { type: 'code', lang: null, meta: null, value: withoutLastNewline(token.content) };
    case 'hr':
      return { type: 'thematicBreak' };
    case 'html_block':
      return { type: 'html', value: withoutLastNewline(token.content) };
    case 'inline':
      phrasing(token.children ?? [], parent.children as PhrasingContent[]);
      return null;
    default:
      // A token kind this reader does not know (a markdown-it update): its text is kept.
      return token.content ? { type: 'html', value: token.content } : null;
  }
}

/** A fence's info string as mdast splits it: the language, then the rest, each with escapes and entities read. */
function info(raw: string): { lang: string | null; meta: string | null } {
  const text = raw.trim();
  if (text === '') return { lang: null, meta: null };
  const space = text.search(/[ \t]/);
  if (space < 0) return { lang: md.utils.unescapeAll(text), meta: null };
  return { lang: md.utils.unescapeAll(text.slice(0, space)), meta: md.utils.unescapeAll(text.slice(space).trim()) || null };
}

/** `[^label]: text` at the start of a paragraph. */
const FOOTNOTE = /^\[\^([^\]\s]+)\]:[ \t]*/;

/**
 * A GitHub footnote definition (`[^1]: the note`), which markdown-it reads as a paragraph: made a
 * footnoteDefinition holding the rest of the paragraph, as micromark's GFM extension has it.
 */
function footnoteDefinition(paragraph: Paragraph, parent: Container): void {
  const head = paragraph.children[0];
  const found = head?.type === 'text' ? FOOTNOTE.exec(head.value) : null;
  if (!found || head?.type !== 'text') return;
  head.value = head.value.slice(found[0].length);
  if (head.value === '') paragraph.children.shift();
  const definition: FootnoteDefinition = { type: 'footnoteDefinition', identifier: found[1]!.toLowerCase(), label: found[1]!, children: paragraph.children.length > 0 ? [paragraph] : [] };
  if (paragraph.position) definition.position = paragraph.position;
  const siblings = parent.children as Nodes[];
  siblings[siblings.lastIndexOf(paragraph)] = definition;
}

function withoutLastNewline(text: string): string {
  return text.endsWith('\n') ? text.slice(0, -1) : text;
}

/** Adds the phrasing nodes of an inline token's children to `out`: adjacent text joined into one node, as mdast has it. */
function phrasing(tokens: Token[], out: PhrasingContent[]): void {
  // The open strong / emphasis / delete / link nodes' children, innermost last.
  const stack: PhrasingContent[][] = [out];
  let siblings = out;
  for (const token of tokens) {
    let node: PhrasingContent | null = null;
    let value: string | null = null;
    switch (token.type) {
      case 'softbreak':
        value = '\n';
        break;
      case 'hardbreak':
        node = { type: 'break' };
        break;
      case 'code_inline':
        node = { type: 'inlineCode', value: token.content };
        break;
      case 'html_inline':
        node = { type: 'html', value: token.content };
        break;
      case 'image':
        node = { type: 'image', url: token.attrGet('src') ?? '', title: token.attrGet('title'), alt: plainText(token.children ?? []) };
        break;
      case 'strong_open':
        node = { type: 'strong', children: [] };
        break;
      case 'em_open':
        node = { type: 'emphasis', children: [] };
        break;
      case 's_open':
        node = { type: 'delete', children: [] };
        break;
      case 'link_open':
        node = { type: 'link', url: token.attrGet('href') ?? '', title: token.attrGet('title'), children: [] };
        break;
      case 'strong_close':
      case 'em_close':
      case 's_close':
      case 'link_close':
        if (stack.length > 1) stack.pop();
        siblings = stack.at(-1)!;
        continue;
      default:
        // text, and any inline token kind this reader does not know: its text is kept.
        value = token.content;
    }
    if (value !== null) {
      const last = siblings.at(-1);
      if (last?.type === 'text') last.value += value;
      else if (value !== '') siblings.push({ type: 'text', value });
      continue;
    }
    siblings.push(node!);
    if ('children' in node!) {
      siblings = node.children as PhrasingContent[];
      stack.push(siblings);
    }
  }
}

/** An image's alt text: the words of its description without markup (mdast's `toString`). */
function plainText(tokens: Token[]): string {
  let out = '';
  for (const token of tokens) {
    if (token.type === 'softbreak') out += '\n';
    else if (token.type === 'image') out += plainText(token.children ?? []);
    else if (token.type !== 'hardbreak') out += token.content;
  }
  return out;
}

/** `[ ]`, `[x]` or `[X]` and then a space, a tab or a line break with more text after it. */
const TASK_CHECK = /^\[([ \t\nxX])\][ \t\n]/;

/**
 * A GitHub task item: its first paragraph, when it is the item's first child, starts with a
 * check. As micromark's GFM extension reads it (what GitHub does in files): the check and the one
 * whitespace character after it leave the text, and something must follow on the same or the next
 * line. markdown-it has no task items of its own.
 */
function taskCheck(item: ListItem): void {
  const first = item.children[0];
  if (first?.type !== 'paragraph') return;
  const head = first.children[0];
  if (head?.type !== 'text') return;
  const check = TASK_CHECK.exec(head.value);
  if (!check) return;
  const rest = head.value.slice(4);
  if (rest.trim() === '' && first.children.length === 1) return;
  item.checked = check[1] === 'x' || check[1] === 'X';
  if (rest === '') first.children.shift();
  else head.value = rest;
}
