// Whether a command line destroys data or state, found by parsing it, not by matching patterns
// on the string: every simple command the line runs is found (pipes, `&&`, `;`, subshells,
// `$(…)` and backticks, loops, functions), wrappers are looked through (sudo, env, xargs, nice,
// timeout, `bash -c "…"`, `ssh host "…"`, `kubectl exec -- …`), and each command is looked up in
// the table in destructive-rules.ts. A line the parser cannot read is reported as unreadable, so
// the caller can ask for the stronger confirmation rather than guess.
//
// The parser is @ericcornelissen/bash-parser (the maintained fork of bash-parser): pure JS, a
// full word-level AST with `$(…)` parsed recursively. It is loaded on first use (a confirmation),
// never at start-up. Known gaps of that parser (process substitution `<(…)`, arrays `a=(…)`) make
// a line unreadable, which errs on the safe side; heredoc bodies are read as commands, which can
// only find more, never less.
import { DESTRUCTIVE_RULES } from './destructive-rules.js';

/** One destructive command found in a line. */
export interface DestructiveFinding {
  /** The rule's label ("rm -r", "kubectl delete"). */
  label: string;
  /** The command as its words, joined ("rm -rf /var/cache"). */
  command: string;
  /** The program, to type for a typed confirmation ("rm"). */
  program: string;
}

/** What a line runs that destroys something; `unreadable` when it could not be parsed. */
export interface DestructiveAnalysis {
  findings: DestructiveFinding[];
  /** The parser's complaint, when the line could not be read. */
  unreadable?: string;
}

interface WordNode {
  type: 'Word' | 'AssignmentWord' | 'Name';
  text: string;
  expansion?: unknown[];
}

interface CommandNode {
  type: 'Command';
  name?: WordNode;
  suffix?: (WordNode | { type: 'Redirect' })[];
}

type Parse = (source: string, options: { mode: 'bash' | 'posix' }) => unknown;

let parser: Promise<Parse> | undefined;

async function loadParser(): Promise<Parse> {
  parser ??= import('@ericcornelissen/bash-parser').then((m) => m.default as Parse);
  return parser;
}

/** How deep `bash -c "…"` and `ssh host "…"` may nest before a line counts as unreadable. */
const MAX_DEPTH = 6;

/** Options of wrappers that take a value (the wrapped command starts after them). */
const WRAPPER_VALUE_OPTIONS: Record<string, readonly string[]> = {
  sudo: ['-u', '--user', '-g', '--group', '-h', '--host', '-p', '--prompt', '-C', '--close-from', '-D', '--chdir', '-r', '--role', '-t', '--type', '-U', '--other-user', '-T', '--command-timeout'],
  doas: ['-u', '-C'],
  env: ['-u', '--unset', '-C', '--chdir', '-S', '--split-string'],
  nice: ['-n', '--adjustment'],
  ionice: ['-c', '--class', '-n', '--classdata', '-p', '-P', '-u'],
  timeout: ['-s', '--signal', '-k', '--kill-after'],
  xargs: ['-n', '--max-args', '-I', '-i', '--replace', '-L', '--max-lines', '-P', '--max-procs', '-d', '--delimiter', '-E', '-e', '--eof', '-s', '--max-chars', '-a', '--arg-file'],
  stdbuf: ['-i', '-o', '-e'],
  flock: ['-w', '--timeout', '-E', '--conflict-exit-code'],
  chrt: [],
  taskset: [],
  nohup: [],
  time: ['-f', '--format', '-o', '--output'],
  exec: ['-a'],
  command: [],
  builtin: [],
  setsid: [],
  unbuffer: [],
  caffeinate: [],
  watch: ['-n', '--interval', '-d', '--differences'],
};

/** Leading positional arguments a wrapper takes before the command (timeout DURATION, flock FILE). */
const WRAPPER_POSITIONALS: Record<string, number> = { timeout: 1, flock: 1, chroot: 1, taskset: 1, chrt: 1 };

const SHELLS = new Set(['sh', 'bash', 'dash', 'zsh', 'ksh', 'mksh', 'ash', 'busybox']);

/** ssh options that take a value. */
const SSH_VALUE_OPTIONS = new Set('BbcDEeFIiJLlmOoPpQRSWw'.split(''));

function baseName(word: string): string {
  return word.replace(/^\\/, '').replace(/^.*\//, '');
}

/** The words of a simple command after wrappers: [program, ...args], or the inner text of `sh -c`/ssh to parse again. */
type Unwrapped = { words: string[] } | { script: string };

function unwrap(words: string[]): Unwrapped[] {
  const out: Unwrapped[] = [];
  let rest = words;
  for (let guard = 0; guard < 20 && rest.length > 0; guard++) {
    const program = baseName(rest[0]!);
    const args = rest.slice(1);
    if (program in WRAPPER_VALUE_OPTIONS || program === 'chroot') {
      const withValue = WRAPPER_VALUE_OPTIONS[program] ?? [];
      let i = 0;
      let positionals = WRAPPER_POSITIONALS[program] ?? 0;
      while (i < args.length) {
        const a = args[i]!;
        if (a === '--') {
          i++;
          break;
        }
        if (program === 'env' && /^[A-Za-z_]\w*=/.test(a)) i++;
        else if (program === 'env' && (a === '-S' || a === '--split-string')) {
          out.push({ script: args.slice(i + 1).join(' ') });
          return out;
        } else if (a.startsWith('-') && a !== '-') i += withValue.includes(a) ? 2 : 1;
        else if (positionals > 0) {
          positionals--;
          i++;
        } else break;
      }
      // A wrapper with nothing after it (`sudo -v`, `env`) runs nothing else.
      out.push({ words: rest.slice(0, 1 + i) });
      rest = args.slice(i);
      if (program === 'watch' && rest.length > 0) {
        // watch runs its arguments through `sh -c`.
        out.push({ script: rest.join(' ') });
        return out;
      }
      continue;
    }
    if (program === 'su') {
      const c = args.findIndex((a) => a === '-c' || a === '--command');
      out.push({ words: rest });
      if (c >= 0 && args[c + 1] !== undefined) out.push({ script: args[c + 1]! });
      return out;
    }
    if (SHELLS.has(program)) {
      const c = args.findIndex((a) => /^-[a-z]*c[a-z]*$/.test(a));
      out.push({ words: rest });
      if (c >= 0 && args[c + 1] !== undefined) out.push({ script: args[c + 1]! });
      return out;
    }
    if (program === 'eval') {
      out.push({ script: args.join(' ') });
      return out;
    }
    if (program === 'ssh') {
      let i = 0;
      while (i < args.length && args[i]!.startsWith('-')) {
        const flag = args[i]!;
        i += flag.length === 2 && SSH_VALUE_OPTIONS.has(flag[1]!) ? 2 : 1;
      }
      out.push({ words: rest.slice(0, i + 2) });
      // The remote command is the rest joined with spaces: that is what sshd hands the remote shell.
      if (args.length > i + 1) out.push({ script: args.slice(i + 1).join(' ') });
      return out;
    }
    if ((program === 'kubectl' || program === 'oc') && args.includes('exec') && args.includes('--')) {
      out.push({ words: rest });
      rest = args.slice(args.indexOf('--') + 1);
      continue;
    }
    if ((program === 'docker' || program === 'podman') && args[0] === 'exec') {
      let i = 1;
      while (i < args.length && args[i]!.startsWith('-')) i += ['-e', '--env', '-u', '--user', '-w', '--workdir', '--env-file'].includes(args[i]!) ? 2 : 1;
      out.push({ words: rest });
      rest = args.slice(i + 1);
      continue;
    }
    if (program === 'find') {
      // -exec/-execdir/-ok COMMAND ... ; runs COMMAND.
      out.push({ words: rest });
      args.forEach((a, i) => {
        if (['-exec', '-execdir', '-ok', '-okdir'].includes(a)) {
          const end = args.findIndex((x, j) => j > i && (x === ';' || x === '+'));
          out.push(...unwrap(args.slice(i + 1, end < 0 ? undefined : end)));
        }
      });
      return out;
    }
    out.push({ words: rest });
    return out;
  }
  return out;
}

function wordsOf(node: CommandNode): string[] | null {
  if (!node.name) return null;
  const words = [node.name.text];
  for (const part of node.suffix ?? []) if (part.type !== 'Redirect') words.push((part as WordNode).text);
  return words;
}

/** Every Command node in an AST, in source order, `$(…)` bodies included. */
function commandsIn(node: unknown, into: CommandNode[] = []): CommandNode[] {
  if (Array.isArray(node)) {
    for (const item of node) commandsIn(item, into);
  } else if (node !== null && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    if (record.type === 'Command') into.push(node as CommandNode);
    for (const [key, value] of Object.entries(record)) if (key !== 'loc') commandsIn(value, into);
  }
  return into;
}

async function analyse(text: string, depth: number, findings: DestructiveFinding[]): Promise<string | undefined> {
  if (depth > MAX_DEPTH) return 'commands nested too deep to read';
  const parse = await loadParser();
  let ast: unknown;
  try {
    ast = parse(text, { mode: 'bash' });
  } catch (error) {
    return (error as Error).message.split('\n')[0];
  }
  for (const node of commandsIn(ast)) {
    const words = wordsOf(node);
    if (!words) continue;
    for (const part of unwrap(words)) {
      if ('script' in part) {
        const inner = await analyse(part.script, depth + 1, findings);
        if (inner !== undefined) return inner;
        continue;
      }
      const [program, ...args] = part.words;
      if (program === undefined) continue;
      const name = baseName(program);
      const rule = DESTRUCTIVE_RULES.find((r) => r.programs.includes(name) || (name.startsWith('mkfs.') && r.programs.includes('mkfs')));
      if (rule?.matches(args)) findings.push({ label: rule.label, command: part.words.join(' '), program: name });
    }
  }
  return undefined;
}

/** The destructive commands a line runs (parsed), or why it could not be read. */
export async function analyseCommand(text: string): Promise<DestructiveAnalysis> {
  const findings: DestructiveFinding[] = [];
  const unreadable = await analyse(text, 0, findings);
  return unreadable === undefined ? { findings } : { findings, unreadable };
}

/** The label of the first destructive command a line runs, or null (an unreadable line is "unreadable"). */
export async function destructiveMatch(command: string): Promise<string | null> {
  const analysis = await analyseCommand(command);
  return analysis.findings[0]?.label ?? (analysis.unreadable !== undefined ? 'unreadable' : null);
}
