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

/** What a block split into: its commands, and every comment (a step's text when it has none). */
export interface SplitBlock {
  commands: RawCommand[];
  comments: string[];
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
  const comments: string[] = [];
  let pending: string[] = [];

  const firstCode = lines.findIndex((l) => l.trim() !== '' && !/^\s*#(?!!)/.test(l));
  if (firstCode >= 0 && lines[firstCode]!.startsWith('#!')) {
    // A whole script pasted into the runbook runs as one command.
    const lead = lines.slice(0, firstCode).map(commentText).filter(Boolean);
    const after = lines.slice(firstCode + 1).find((l) => /^\s*#/.test(l));
    const description = lead.join(' — ') || (after ? commentText(after) : undefined) || 'script';
    comments.push(description);
    return { commands: [{ run: lines.slice(firstCode).join('\n').trim(), description, offset: firstCode }], comments };
  }

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') {
      pending = [];
      continue;
    }
    if (/^\s*#/.test(line)) {
      const text = commentText(line);
      if (text) {
        pending.push(text);
        comments.push(text);
      }
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
    commands.push({ run, description: pending.length > 0 ? pending.join(' — ') : undefined, offset });
    pending = [];
  }
  return { commands, comments };
}

function commentText(line: string): string {
  return line.replace(/^\s*#+!?\s*/, '').trim();
}
