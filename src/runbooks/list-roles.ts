// Decides what a Markdown list is to the reader: steps to do, symptoms to recognise, a description
// (causes, impact, prevention, participants, references...) or a table of contents. A careful
// reader goes by the list's own shape first (a task list is always a checklist, links to the
// document's own headings are a table of contents), then by the heading it sits under, nearest
// first, then by its shape again (numbered lists are procedures; "**Term**: text" items define).
import type { List, ListItem } from 'mdast';

/** What a list is. */
export type ListRole = 'steps' | 'symptoms' | 'description' | 'contents';

const SYMPTOMS = /\b(symptoms?|signs|indicators?|what you see|how (?:to|you) (?:recogni[sz]e|spot|tell))\b/i;
const PROCEDURAL =
  /\b(steps?|procedures?|response|respond(?:ing)?|mitigat\w*|recover\w*|remediat\w*|checklists?|actions?|runbook|playbook|triage|diagnos\w*|investigat\w*|fix(?:es)?|resolv\w*|resolution|roll ?back|restor\w*|verif\w*|confirm\w*|immediate|contain\w*|what to do|how to|instructions?|follow[- ]?ups?|to-?do|tasks?|escalat\w*|workarounds?)\b/i;
const DESCRIPTIVE =
  /\b(causes?|contributing factors?|impact|participants?|attendees|prevent\w*|references?|resources|links|see also|related|further reading|background|overview|context|glossary|definitions?|lessons(?: learned)?|what went well|could be improved|summary|contents|toc|history|changelog|maintenance|types|classification|known issues|faq|notes|owners?|contacts?|about|scope|dependencies|architecture)\b/i;

/** What a heading (or a bold label standing for one) says about the lists under it; undefined when it says nothing. */
export function headingRole(title: string): ListRole | undefined {
  if (SYMPTOMS.test(title) && !PROCEDURAL.test(title)) return 'symptoms';
  if (PROCEDURAL.test(title)) return 'steps';
  if (DESCRIPTIVE.test(title)) return 'description';
  return undefined;
}

/** Whether any item is a GitHub task item (`- [ ]`, `- [x]`). */
export function isTaskList(list: List): boolean {
  return list.children.some((item) => typeof item.checked === 'boolean');
}

/** Every item (nested ones too) is a link to one of the document's own headings: `[Recovery](#recovery)`. */
export function isTableOfContents(list: List): boolean {
  return list.children.length > 0 && list.children.every((item) => {
    const first = item.children[0];
    if (first?.type !== 'paragraph') return false;
    const link = first.children.find((c) => c.type !== 'text' || c.value.trim() !== '');
    if (link?.type !== 'link' || !link.url.startsWith('#')) return false;
    return item.children.slice(1).every((child) => child.type === 'list' && isTableOfContents(child));
  });
}

/** Whether any item, at any depth, holds a code block. */
function holdsCode(list: List): boolean {
  const stack: { children?: unknown[]; type: string }[] = [...list.children];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'code') return true;
    if (Array.isArray(node.children)) stack.push(...(node.children as typeof stack));
  }
  return false;
}

/** "**Service outage**: complete or partial unavailability" items: terms being defined, not things to do. */
export function isDefinitionList(list: List): boolean {
  return list.children.length > 0 && list.children.every((item) => boldLabel(item) !== undefined);
}

/** The bold term an item starts with, when a colon follows it (`**Term**: ...` or `**Term:** ...`). */
export function boldLabel(item: ListItem): { term: string; rest: string } | undefined {
  const first = item.children[0];
  if (first?.type !== 'paragraph') return undefined;
  const [strong, after] = first.children;
  if (strong?.type !== 'strong') return undefined;
  const term = strong.children.map((c) => ('value' in c ? c.value : '')).join('').trim();
  if (term.endsWith(':')) return { term: term.slice(0, -1).trim(), rest: '' };
  if (after?.type === 'text' && /^\s*[:—–-]\s/.test(after.value)) return { term, rest: '' };
  return undefined;
}

/**
 * The role of a list, given the label written just above it (a bold or colon-ended paragraph)
 * and the headings it sits under, nearest first.
 */
export function listRole(list: List, label: string | undefined, headings: readonly string[]): ListRole {
  if (isTaskList(list)) return 'steps';
  if (isTableOfContents(list)) return 'contents';
  // Commands in an item are something to run, whatever the heading says ("Known causes" + fixes).
  if (holdsCode(list)) return 'steps';
  for (const title of label !== undefined ? [label, ...headings] : headings) {
    const role = headingRole(title);
    if (role) return role;
  }
  if (list.ordered) return 'steps';
  if (isDefinitionList(list)) return 'description';
  return 'steps';
}
