// Small readers of mdast list items and paragraphs shared by the runbook builder (parse.ts):
// item titles, items kept as text, bold-led paragraphs, labels that head a list.
import type { List, ListItem, Paragraph } from 'mdast';
import type { ListRole } from './list-roles.js';
import { inlineText } from './mdast-text.js';

/** Nested lists deeper than this are kept as text: nobody writes a step 30 levels down, and the walk stays shallow. */
export const MAX_DEPTH = 16;

/** A bare "Symptoms" (or Signs, Indicators) label heads a list of symptoms. */
export function listRoleOfLabel(text: string): ListRole | undefined {
  return /^(symptoms?|signs|indicators|what you see)$/i.test(text.trim()) ? 'symptoms' : undefined;
}

/** `**Verify the outage**` starts a step; `**Owner**: ops` (bold then a colon) is a label, not a step. */
export function isBoldLed(node: Paragraph): boolean {
  const [first, second] = node.children;
  if (first?.type !== 'strong') return false;
  const bold = inlineText(first);
  if (bold === '' || bold.endsWith(':')) return false;
  return !(second?.type === 'text' && /^\s*:/.test(second.value));
}

/** The words of an item's first paragraph. */
export function itemTitle(item: ListItem): string {
  const first = item.children[0];
  return first?.type === 'paragraph' ? inlineText(first) : '';
}

/** An item with its nested items, on one line ("a (b; c)"), for lists kept as text. */
export function itemText(item: ListItem, depth: number): string {
  const title = itemTitle(item);
  const nested = item.children.slice(1).filter((c): c is List => c.type === 'list').map((l) => itemsText(l, depth + 1)).filter(Boolean);
  return nested.length > 0 ? `${title} (${nested.join('; ')})` : title;
}

/** A list's items on one line, `; ` between them. */
export function itemsText(list: List, depth: number): string {
  if (depth > MAX_DEPTH) return '…';
  return list.children.map((item) => itemText(item, depth)).filter(Boolean).join('; ');
}

