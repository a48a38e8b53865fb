// Splits a fenced shell block into logical commands. Written here rather than taken from a shell
// parser library because runbook blocks are not scripts: they mix `$ ` prompts, pasted output,
// comment-per-command notes and half-finished snippets, and a full parser rejects those outright.
// What it must get right is where one command ends: a backslash continuation, an open quote, a
// heredoc body or an open `for`/`if`/`{`/`$(` keeps the command going onto the next line.

/** A command as cut from the block, before ssh unwrapping and placeholder detection. */
export interface RawCommand {
  run: string;
  description?: string;
  /** 0-based index of its first line within the block. */
  offset: number;
}

/** A comment the author wrote for the reader rather than about the next command: kept in order as an instruction. */
export interface RawNote {
  /** One item: its first line, then any more-indented comment lines under it (an edit to make). */
  text: string;
  /** 0-based index of its first line within the block. */
  offset: number;
  /** Index of the command it comes before (the number of commands when none follows). */
  before: number;
}

/** What a block split into: its commands and, in order with them, the comments that are instructions. */
export interface SplitBlock {
  commands: RawCommand[];
  notes: RawNote[];
}

interface ScanState {
  quote: '' | "'" | '"' | '`';
  depth: number;
  heredocs: { tag: string }[];
  continued: boolean;
}

const OPENERS = new Set(['if', 'for', 'while', 'until', 'case', 'select', '{']);
const CLOSERS = new Set(['fi', 'done', 'esac', '}']);
const LEADS_TO_COMMAND = new Set(['then', 'do', 'else', 'elif', '{', '!', 'time', 'if', 'while', 'until']);
const OPERATOR_CHARS = new Set([';', '&', '|', '(', ')']);

/** Scans one physical line, updating quote/nesting/heredoc state; returns the line with a trailing continuation backslash removed. */
function scanLine(line: string, state: ScanState): string {
  state.continued = false;
  let word = '';
  let commandPosition = state.depth >= 0;
  const endWord = () => {
    if (word === '') return;
    if (commandPosition && OPENERS.has(word)) state.depth++;
    else if (commandPosition && CLOSERS.has(word)) state.depth = Math.max(0, state.depth - 1);
    commandPosition = LEADS_TO_COMMAND.has(word);
    word = '';
  };
  for (let j = 0; j < line.length; j++) {
    const c = line[j]!;
    if (state.quote === "'") {
      if (c === "'") state.quote = '';
      continue;
    }
    if (state.quote === '"' || state.quote === '`') {
      if (c === '\\') j++;
      else if (c === state.quote) state.quote = '';
      continue;
    }
    if (c === '\\') {
      if (j === line.length - 1) {
        state.continued = true;
        return line.slice(0, -1);
      }
      word += c + line[j + 1];
      j++;
      continue;
    }
    if (c === "'" || c === '"' || c === '`') {
      state.quote = c;
      word += c;
      continue;
    }
    if (c === '#' && word === '') break;
    if (c === '<' && line[j + 1] === '<' && line[j + 2] !== '<') {
      const m = /^<<-?\s*(['"]?)([A-Za-z_][\w-]*)\1/.exec(line.slice(j));
      if (m) {
        state.heredocs.push({ tag: m[2]! });
        j += m[0].length - 1;
        continue;
      }
    }
    if (c === '$' && line[j + 1] === '(') {
      endWord();
      state.depth++;
      j++;
      commandPosition = true;
      continue;
    }
    if (c === ' ' || c === '\t') {
      endWord();
      continue;
    }
    if (OPERATOR_CHARS.has(c)) {
      endWord();
      if (c === '(') state.depth++;
      if (c === ')') state.depth = Math.max(0, state.depth - 1);
      commandPosition = true;
      continue;
    }
    word += c;
  }
  endWord();
  // A line ending in a pipe or `&&`/`||` goes on, as it does in a shell.
  if (state.quote === '' && /(\|\|?|&&)\s*$/.test(line.replace(/\s+#.*$/, ''))) state.continued = true;
  return line;
}

function needsMore(state: ScanState): boolean {
  return state.continued || state.quote !== '' || state.depth > 0 || state.heredocs.length > 0;
}

const PROMPT = /^\s*\$ ?(?=\S)/;

/** Cuts a shell block into commands; `console` (or any block with `$ ` prompts) runs prompt lines only. */
export function splitShellBlock(code: string, lang: string): SplitBlock {
  const lines = code.replace(/\r\n?/g, '\n').split('\n');
  const promptMode = lang === 'console' || lines.some((l) => /^\s*\$ \S/.test(l));
  const commands: RawCommand[] = [];
  const notes: RawNote[] = [];
  let pending: CommentLine[] = [];
  // A comment group that no command follows directly (a blank line, or the block's end) is an
  // instruction of its own: the author's words are kept, never dropped.
  const flushNotes = () => {
    for (const item of commentItems(pending)) notes.push({ ...item, before: commands.length });
    pending = [];
  };

  const firstCode = lines.findIndex((l) => l.trim() !== '' && !/^\s*#(?!!)/.test(l));
  if (firstCode >= 0 && lines[firstCode]!.startsWith('#!')) {
    // A whole script pasted into the runbook runs as one command; its comments stay inside it.
    const lead = lines.slice(0, firstCode).map(commentText).filter(Boolean);
    const after = lines.slice(firstCode + 1).find((l) => /^\s*#/.test(l));
    const description = lead.join(' — ') || (after ? commentText(after) : undefined) || 'script';
    return { commands: [{ run: lines.slice(firstCode).join('\n').trim(), description, offset: firstCode }], notes };
  }

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') {
      flushNotes();
      continue;
    }
    if (/^\s*#/.test(line)) {
      const comment = readComment(line, i);
      if (comment) pending.push(comment);
      continue;
    }
    if (promptMode && !PROMPT.test(line)) continue; // pasted output
    const offset = i;
    const state: ScanState = { quote: '', depth: 0, heredocs: [], continued: false };
    let run = scanLine(line.replace(PROMPT, ''), state);
    while (needsMore(state) && i + 1 < lines.length) {
      i++;
      let next = lines[i]!;
      if (state.heredocs.length > 0 && !state.continued && state.quote === '') {
        run += '\n' + next;
        if (next.trim() === state.heredocs[0]!.tag) state.heredocs.shift();
        continue;
      }
      if (promptMode) next = next.replace(/^\s*> ?/, '');
      if (state.continued) run = run.trimEnd() + ' ' + scanLine(next.trimStart(), state);
      else run += '\n' + scanLine(next, state);
    }
    run = run.trim();
    if (run === '') continue;
    const { description, instructions } = describe(commentItems(pending));
    for (const item of instructions) notes.push({ ...item, before: commands.length });
    pending = [];
    commands.push({ run, description, offset });
  }
  flushNotes();
  return { commands, notes };
}

/** One comment line: its words, how far they are indented after the `#`, and where it is. */
interface CommentLine {
  text: string;
  indent: number;
  offset: number;
}

function readComment(line: string, offset: number): CommentLine | null {
  const m = /^\s*#+!?( *)(.*)$/.exec(line)!;
  const text = m[2]!.trimEnd();
  // `# -----` and `# ====` are decoration, not words for the reader.
  if (!/[\p{L}\p{N}]/u.test(text)) return null;
  return { text, indent: m[1]!.length, offset };
}

/**
 * Groups consecutive comment lines into items: a line at the group's indentation starts one,
 * a more-indented line continues it (`# Edit settings.yaml:` then `#   limit: 0`), kept on its
 * own line with its extra indentation.
 */
function commentItems(lines: CommentLine[]): { text: string; offset: number }[] {
  const items: { text: string; offset: number }[] = [];
  const base = lines[0]?.indent ?? 0;
  for (const line of lines) {
    const last = items.at(-1);
    if (last && line.indent > base) last.text += `\n${' '.repeat(line.indent - base)}${line.text}`;
    else items.push({ text: line.text, offset: line.offset });
  }
  return items;
}

const NUMBERED = /^(?:\d{1,2}[.)]|step\s+\d+\b)/i;

/**
 * Splits the comments right above a command into its description and instructions. Plain
 * lines describe it (`# Option B: reroute` + `# Update the load balancer`). Once the group holds
 * numbered items or an indented edit, it is a list of things to do: every item but the last is
 * an instruction, and the last describes the command when it is a single line.
 */
function describe(items: { text: string; offset: number }[]): { description?: string; instructions: { text: string; offset: number }[] } {
  if (items.length === 0) return { instructions: [] };
  const isList = items.some((item) => NUMBERED.test(item.text) || item.text.includes('\n'));
  if (!isList) return { description: items.map((item) => item.text).join(' — '), instructions: [] };
  const last = items.at(-1)!;
  if (last.text.includes('\n')) return { instructions: items };
  return { description: last.text, instructions: items.slice(0, -1) };
}

function commentText(line: string): string {
  return line.replace(/^\s*#+!?\s*/, '').trim();
}
