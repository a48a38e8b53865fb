// Parses a team's Markdown runbook as it is (CommonMark + GFM, read into an mdast tree by
// markdown-tree.ts) into sections, steps and commands. Whatever it does not understand is kept as
// text; the one thing it refuses, with the line, is blocks nested deeper than NESTING_LIMIT.
import { basename, extname } from 'node:path';
import type { Code, List, Nodes, Paragraph, Root, RootContent, Table as MdTable } from 'mdast';
import { findAlternatives, isBranchLabel } from './alternatives.js';
import { isBoldLed, itemsText, itemText, itemTitle, listRoleOfLabel, MAX_DEPTH } from './list-items.js';
import { boldLabel, isTaskList, listRole } from './list-roles.js';
import { inlineText, lineOf, textLines } from './mdast-text.js';
import { MarkdownNestingError, markdownTree } from './markdown-tree.js';
import type { Runbook, SeverityLevel, Section, Step, Table } from './model.js';
import { isSeverityName, severityFromText } from './severity-text.js';
import { readBlock } from './shell-block.js';
import { classifyTable, escalationRows, severityRows } from './tables.js';

/** "Symptoms: a, b" on one line. */
const SYMPTOM_INLINE = /^(symptoms?|signs|indicators)\s*:\s*(.+)$/i;

/**
 * Parses Markdown text; `file` is kept for messages and the title fallback. `readTree` is the
 * Markdown reader (tests pass micromark's, the CommonMark reference, to compare). Throws
 * MarkdownNestingError for blocks nested too deep, nothing else.
 */
export function parseRunbook(source: string, file: string, readTree: (source: string) => Root = markdownTree): Runbook {
  const runbook: Runbook = { title: fallbackTitle(file), file, sections: [], severities: [], escalation: [], tables: [] };
  let root: Root;
  try {
    root = readTree(source);
  } catch (error) {
    if (error instanceof MarkdownNestingError) throw error;
    // The parser accepts any string today; this keeps that promise if a future version does not.
    runbook.sections.push(emptySection('(unparsed)', 0, 1));
    runbook.sections[0]!.text.push({ text: source.slice(0, 2000), line: 1 });
    return runbook;
  }
  new RunbookBuilder(runbook).build(root);
  for (const section of runbook.sections) for (const step of section.steps) step.alternatives = findAlternatives(step);
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
  return { text, line, done, commands: [], references: [], details: [], instructions: [], alternatives: [] };
}

/** Walks the top-level blocks once, keeping track of the step a following code block belongs to. */
class RunbookBuilder {
  private section: Section | null = null;
  /** The headings above the current place, outermost first. */
  private headings: Section[] = [];
  /** The step a code block written right after it attaches to. */
  private openStep: Step | null = null;
  /** A plain paragraph just before a code block names the step that block becomes. */
  private lead: { text: string; index: number } | null = null;
  /** A short paragraph just before a list ("**Root causes:**", "Symptoms"), read like a heading for it; `step` when it was taken for one. */
  private label: { text: string; step?: Step } | null = null;
  /** A severity level named in bold, waiting for the list of its criteria. */
  private severity: SeverityLevel | null = null;

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

  /** Heading titles that frame a list, nearest first; the document's title only when nothing nearer frames it. */
  private frame(): string[] {
    const titles = [...this.headings].reverse().filter((h, i) => i === 0 || h.level > 1);
    return titles.map((h) => h.title);
  }

  private block(node: RootContent): void {
    const line = lineOf(node);
    switch (node.type) {
      case 'heading': {
        this.section = emptySection(inlineText(node), node.depth, line);
        this.runbook.sections.push(this.section);
        while (this.headings.length > 0 && this.headings.at(-1)!.level >= node.depth) this.headings.pop();
        this.headings.push(this.section);
        return this.reset();
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
    this.label = null;
    this.severity = null;
  }

  private paragraph(node: Paragraph): void {
    const section = this.current(lineOf(node));
    const text = inlineText(node);
    this.reset();
    if (text === '') return;
    const inline = SYMPTOM_INLINE.exec(text);
    if (inline) {
      section.symptoms.push(inline[2]!);
      return;
    }
    const bold = node.children[0]?.type === 'strong' ? inlineText(node.children[0]) : '';
    if (bold !== '' && isSeverityName(bold.replace(/:$/, ''), this.frame())) {
      this.severity = severityFromText(bold.replace(/:$/, ''), text.slice(bold.length), [], lineOf(node));
      this.runbook.severities.push(this.severity);
      return;
    }
    // A short line ending in a colon, or bold alone, may be a heading for the list after it.
    const labelLike = text.length <= 80 && (text.endsWith(':') || (node.children.length === 1 && bold !== '') || listRoleOfLabel(text) !== undefined);
    if (isBoldLed(node)) {
      const step = newStep(text, lineOf(node));
      section.steps.push(step);
      this.openStep = step;
      if (labelLike) this.label = { text: text.replace(/:$/, ''), step };
      return;
    }
    if (labelLike) this.label = { text: text.replace(/:$/, '') };
    if (this.label && listRoleOfLabel(this.label.text) === 'symptoms') return;
    section.text.push({ text, line: lineOf(node) });
    this.lead = { text, index: section.text.length - 1 };
  }

  private list(node: List): void {
    const section = this.current(lineOf(node));
    const { label, severity } = this;
    this.reset();
    // Numbered steps, a task list or commands under a bold "P1 ..." are the level's procedure, not its criteria.
    if (severity && !node.ordered && !isTaskList(node) && !node.children.some((item) => item.children.some((c) => c.type === 'code'))) {
      // `**SEV-1 (Critical)**` then its criteria: the level's description, not steps.
      const criteria = node.children.map((item) => itemText(item, 0)).filter((t) => t !== '');
      Object.assign(severity, severityFromText(severity.level, severity.description ?? '', criteria, severity.line));
      return;
    }
    const role = listRole(node, label?.text, this.frame());
    // A bold label taken for a step ("**Root causes**") heads this list instead.
    if (label?.step && label.step.commands.length === 0 && label.step.details.length === 0) {
      section.steps.splice(section.steps.indexOf(label.step), 1);
      if (role !== 'symptoms') section.text.push({ text: label.text, line: label.step.line });
    }
    if (role === 'steps') return this.steps(node, section);
    if (this.severityItems(node)) return;
    if (role === 'symptoms') {
      for (const item of node.children) section.symptoms.push(itemText(item, 0));
      return;
    }
    if (role === 'contents') {
      section.text.push({ text: `Contents: ${node.children.map((item) => itemText(item, 0)).join(' · ')}`, line: lineOf(node) });
      return;
    }
    for (const item of node.children) section.text.push({ text: `• ${itemText(item, 0)}`, line: lineOf(item) });
  }

  /** `- **P1**: everything down, respond within 15 minutes` items: severity levels. */
  private severityItems(node: List): boolean {
    const labels = node.children.map((item) => boldLabel(item));
    if (!labels.every((l) => l !== undefined && isSeverityName(l.term, this.frame()))) return false;
    node.children.forEach((item, i) => {
      const term = labels[i]!.term;
      const rest = itemTitle(item).replace(/^.*?[:—–-]\s/, '');
      const nested = item.children.slice(1).flatMap((c) => (c.type === 'list' ? c.children.map((n) => itemText(n, 0)) : []));
      this.runbook.severities.push(severityFromText(term, rest, nested, lineOf(item)));
    });
    return true;
  }

  private steps(node: List, section: Section): void {
    for (const item of node.children) {
      const step = newStep(itemTitle(item), lineOf(item), item.checked === true);
      const steps = [step];
      let target = step;
      const rest = item.children[0]?.type === 'paragraph' ? item.children.slice(1) : item.children;
      // "**Bring the cache back**" then, on the next line, "Either warm it:" + a block: the last
      // line leads into the block (a choice's label), not into the step's name.
      const lead = item.children[0]?.type === 'paragraph' ? textLines(item.children[0]) : [];
      if (lead.length > 1 && rest[0]?.type === 'code' && isBranchLabel(lead.at(-1)!)) {
        step.text = lead.slice(0, -1).join(' ');
        step.instructions.push({ text: lead.at(-1)!, line: item.children[0]!.position?.end.line ?? lineOf(item), before: 0 });
      }
      rest.forEach((child, i) => {
        // "2. **Common fixes**" then "**Token expired**" + a block, "**Pool full**" + a block: each
        // fix is its own step, so one can be run without the others.
        if (child.type === 'paragraph' && isBoldLed(child)) {
          target = newStep(`${step.text ? `${step.text} › ` : ''}${inlineText(child)}`, lineOf(child));
          steps.push(target);
          return;
        }
        this.itemContent(target, child, rest[i + 1], 1);
      });
      for (const s of steps) section.steps.push(s);
      this.openStep = target;
    }
  }

  /**
   * Nested content of a list item: code attaches to the step; words written just before a code
   * block (a paragraph, or a nested bullet holding the block) are instructions in order with its
   * commands, so "If the pool is full:" + block, "If the database is down:" + block read as
   * choices; other nested bullets and paragraphs are details.
   */
  private itemContent(step: Step, node: Nodes, next: Nodes | undefined, depth: number): void {
    if (node.type === 'code') return this.attach(step, node);
    if (node.type === 'table') return this.table(node);
    if (node.type === 'list' && depth <= MAX_DEPTH) {
      for (const item of node.children) {
        const title = itemTitle(item);
        const rest = item.children[0]?.type === 'paragraph' ? item.children.slice(1) : item.children;
        if (title !== '' && rest.some((c) => c.type === 'code')) step.instructions.push({ text: title, line: lineOf(item), before: step.commands.length });
        else if (title !== '') step.details.push(item.checked === true ? `[x] ${title}` : title);
        rest.forEach((child, i) => this.itemContent(step, child, rest[i + 1], depth + 1));
      }
      return;
    }
    const text = node.type === 'list' ? itemsText(node, depth) : inlineText(node);
    if (text === '') return;
    if (next?.type === 'code') step.instructions.push({ text, line: lineOf(node), before: step.commands.length });
    else step.details.push(text);
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
    const base = step.commands.length;
    step.commands.push(...content.commands);
    step.references.push(...content.references);
    step.instructions.push(...content.instructions.map((i) => ({ ...i, before: i.before + base })));
    if (step.text === '') step.text = derivedText(step);
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

/** A step with no words of its own is named after its first command, or the first thing it asks. */
function derivedText(step: Step): string {
  const command = step.commands[0];
  const instruction = step.instructions[0];
  if (command && (!instruction || instruction.before > 0)) return command.description?.split('\n')[0] ?? command.run.split('\n')[0]!;
  if (instruction) return instruction.text.split('\n')[0]!;
  const reference = step.references[0];
  if (reference) return reference.lang === '' ? 'reference' : `${reference.lang} reference`;
  return step.details[0] ?? '(empty step)';
}
