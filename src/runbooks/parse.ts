// Parses a team's Markdown runbook as it is (CommonMark + GFM through the mdast toolchain) into
// sections, steps and commands. It never throws: whatever it does not understand is kept as text.
import { basename, extname } from 'node:path';
import type { Code, List, ListItem, Nodes, Paragraph, Root, RootContent, Table as MdTable } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { inlineText, lineOf } from './markdown-text.js';
import type { Runbook, Section, Step, Table } from './model.js';
import { readBlock } from './shell-block.js';
import { classifyTable, escalationRows, severityRows } from './tables.js';

const SYMPTOM_TITLE = /\b(symptoms?|signs|indicators|what you see|detection)\b/i;
const SYMPTOM_LABEL = /^(symptoms?|signs|indicators|what you see)\s*:?$/i;

/** Parses Markdown text; `file` is kept for messages and the title fallback. */
export function parseRunbook(source: string, file: string): Runbook {
  const runbook: Runbook = { title: fallbackTitle(file), file, sections: [], severities: [], escalation: [], tables: [] };
  let root: Root;
  try {
    root = fromMarkdown(source, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  } catch {
    // The parser accepts any string today; this keeps that promise if a future version does not.
    runbook.sections.push(emptySection('(unparsed)', 0, 1));
    runbook.sections[0]!.text.push({ text: source.slice(0, 2000), line: 1 });
    return runbook;
  }
  new RunbookBuilder(runbook).build(root);
  const h1 = runbook.sections.find((s) => s.level === 1) ?? runbook.sections.find((s) => s.level > 0);
  if (h1 && h1.title !== '') runbook.title = h1.title;
  return runbook;
}

function fallbackTitle(file: string): string {
  const name = basename(file, extname(file));
  return name === '' ? 'runbook' : name;
}

function emptySection(title: string, level: number, line: number): Section {
  return { title, level, line, steps: [], symptoms: [], text: [], tables: [] };
}

function newStep(text: string, line: number, done = false): Step {
  return { text, line, done, commands: [], references: [], details: [] };
}

/** Walks the top-level blocks once, keeping track of the step a following code block belongs to. */
class RunbookBuilder {
  private section: Section | null = null;
  /** The step a code block written right after it attaches to. */
  private openStep: Step | null = null;
  /** A plain paragraph just before a code block names the step that block becomes. */
  private lead: { text: string; index: number } | null = null;
  private symptomLabel = false;

  constructor(private readonly runbook: Runbook) {}

  build(root: Root): void {
    for (const node of root.children) this.block(node);
  }

  private current(line: number): Section {
    if (!this.section) {
      this.section = emptySection('(preamble)', 0, line);
      this.runbook.sections.push(this.section);
    }
    return this.section;
  }

  private block(node: RootContent): void {
    const line = lineOf(node);
    switch (node.type) {
      case 'heading': {
        this.section = emptySection(inlineText(node), node.depth, line);
        this.runbook.sections.push(this.section);
        this.reset();
        return;
      }
      case 'paragraph':
        return this.paragraph(node);
      case 'list':
        return this.list(node);
      case 'code':
        return this.code(node);
      case 'table':
        this.table(node);
        return this.reset();
      case 'thematicBreak':
      case 'definition':
        return;
      default: {
        const text = inlineText(node as Nodes);
        if (text !== '') this.current(line).text.push({ text, line });
        return this.reset();
      }
    }
  }

  private reset(): void {
    this.openStep = null;
    this.lead = null;
    this.symptomLabel = false;
  }

  private paragraph(node: Paragraph): void {
    const section = this.current(lineOf(node));
    const text = inlineText(node);
    this.reset();
    if (SYMPTOM_LABEL.test(text)) {
      this.symptomLabel = true;
      return;
    }
    const label = /^(symptoms?|signs|indicators)\s*:\s*(.+)$/i.exec(text);
    if (label) {
      section.symptoms.push(label[2]!);
      return;
    }
    if (isBoldLed(node)) {
      const step = newStep(text, lineOf(node));
      section.steps.push(step);
      this.openStep = step;
      return;
    }
    if (text === '') return;
    section.text.push({ text, line: lineOf(node) });
    this.lead = { text, index: section.text.length - 1 };
  }

  private list(node: List): void {
    const section = this.current(lineOf(node));
    if (this.symptomLabel || SYMPTOM_TITLE.test(section.title)) {
      for (const item of node.children) section.symptoms.push(itemTitle(item));
      this.reset();
      return;
    }
    this.reset();
    for (const item of node.children) {
      const step = newStep(itemTitle(item), lineOf(item), item.checked === true);
      const steps = [step];
      let target = step;
      const rest = item.children[0]?.type === 'paragraph' ? item.children.slice(1) : item.children;
      for (const child of rest) {
        // "2. **Common fixes**" then "**Token expired**" + a block, "**Pool full**" + a block: each
        // fix is its own step, so one can be run without the others.
        if (child.type === 'paragraph' && isBoldLed(child)) {
          target = newStep(`${step.text ? `${step.text} › ` : ''}${inlineText(child)}`, lineOf(child));
          steps.push(target);
          continue;
        }
        this.itemContent(target, child, section);
      }
      for (const s of steps) {
        if (s.text === '') s.text = derivedText(s);
        section.steps.push(s);
      }
      this.openStep = target;
    }
  }

  /** Nested content of a list item: code attaches to the step, nested bullets become details. */
  private itemContent(step: Step, node: Nodes, section: Section): void {
    if (node.type === 'code') return this.attach(step, node);
    if (node.type === 'list') {
      for (const item of node.children) {
        const title = itemTitle(item);
        if (title !== '') step.details.push(item.checked === true ? `[x] ${title}` : title);
        const rest = item.children[0]?.type === 'paragraph' ? item.children.slice(1) : item.children;
        for (const child of rest) this.itemContent(step, child, section);
      }
      return;
    }
    if (node.type === 'table') return this.table(node);
    const text = inlineText(node);
    if (text !== '') step.details.push(text);
  }

  private code(node: Code): void {
    const section = this.current(lineOf(node));
    if (this.openStep) return this.attach(this.openStep, node);
    let text = '';
    if (this.lead) {
      text = this.lead.text;
      section.text.splice(this.lead.index, 1);
    } else if (section.steps.length === 0 && section.level > 0) {
      text = section.title;
    }
    const step = newStep(text, lineOf(node));
    this.attach(step, node);
    if (step.text === '') step.text = derivedText(step);
    section.steps.push(step);
    this.reset();
    this.openStep = step;
  }

  private attach(step: Step, node: Code): void {
    const content = readBlock(node.lang, node.value, lineOf(node));
    step.commands.push(...content.commands);
    step.references.push(...content.references);
    if (step.text === '' && content.comments.length > 0) step.text = content.comments[0]!;
    else step.details.push(...content.comments);
  }

  private table(node: MdTable): void {
    const [head, ...body] = node.children;
    const table: Table = {
      kind: 'other',
      headers: head ? head.children.map((c) => inlineText(c)) : [],
      rows: body.map((row) => row.children.map((c) => inlineText(c))),
      line: lineOf(node),
    };
    table.kind = classifyTable(table.headers);
    const rowLines = body.map((row) => lineOf(row));
    if (table.kind === 'severity') this.runbook.severities.push(...severityRows(table, rowLines));
    if (table.kind === 'escalation') this.runbook.escalation.push(...escalationRows(table, rowLines));
    this.current(table.line).tables.push(table);
    this.runbook.tables.push(table);
  }
}

/** `**Verify the outage**` starts a step; `**Owner**: ops` (bold then a colon) is a label, not a step. */
function isBoldLed(node: Paragraph): boolean {
  const [first, second] = node.children;
  if (first?.type !== 'strong') return false;
  const bold = inlineText(first);
  if (bold === '' || bold.endsWith(':')) return false;
  return !(second?.type === 'text' && /^\s*:/.test(second.value));
}

function itemTitle(item: ListItem): string {
  const first = item.children[0];
  return first?.type === 'paragraph' ? inlineText(first) : '';
}

/** A step with no words of its own is named after its first command. */
function derivedText(step: Step): string {
  const command = step.commands[0];
  if (command) return command.description ?? command.run.split('\n')[0]!;
  const reference = step.references[0];
  if (reference) return reference.lang === '' ? 'reference' : `${reference.lang} reference`;
  return step.details[0] ?? '(empty step)';
}
