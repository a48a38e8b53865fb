// Recognises commands that never end by themselves (`tail -f`, `ping` without a count, `watch`,
// `while true`, a trailing `&`...). The console runs them as a live stream the operator stops,
// and `warroom check` points them out: run like any other command they would hold the step
// until the timeout and look like a hang. Words are split by shell-quote (quotes, operators and
// comments as a shell reads them); which programs follow or repeat is our own knowledge.
import { parse, type ParseEntry } from 'shell-quote';

/** Separators between simple commands. */
const SEPARATORS = new Set(['|', '|&', '&&', '||', ';', ';;', '&', '(', ')']);

/**
 * Every way `run` can fail to end names one of these words (a program below, a loop keyword) or
 * holds a `&`, once quotes and backslashes are taken out (`ta"i"l` is `tail` to a shell). Most
 * commands name none, and are answered without shell-quote's parse, the costliest part of reading
 * a runbook's blocks (benchmark B14: a fifth of a 1 MB runbook's parse).
 */
const MAY_NOT_END = /&|\b(?:ssh|tail|ping6?|watch|journalctl|a?top|iotop|htop|btop|iftop|nload|glances|vmstat|iostat|mpstat|sar|tcpdump|mtr|yes|sleep|docker|docker-compose|podman|nerdctl|kubectl|oc|while|until|for)\b/;

/** Why `run` never ends by itself, in words for the operator; undefined when it ends. */
export function endlessReason(run: string): string | undefined {
  if (!MAY_NOT_END.test(run.replace(/["'\\]/g, ''))) return undefined;
  let entries: ParseEntry[];
  try {
    // Newlines separate commands as `;` does; `$VAR` is kept as written rather than expanded.
    entries = parse(run.replace(/\n/g, ' ; '), (name) => `$${name}`);
  } catch {
    return undefined;
  }
  const commentAt = entries.findIndex((e) => typeof e === 'object' && 'comment' in e);
  if (commentAt >= 0) entries = entries.slice(0, commentAt);
  const last = [...entries].reverse().find((e) => !(typeof e === 'object' && 'op' in e && e.op === ';'));
  if (last && typeof last === 'object' && 'op' in last && last.op === '&') return 'a trailing & leaves it running in the background';
  const loop = loopReason(run);
  if (loop) return loop;
  for (const words of simpleCommands(entries)) {
    const reason = programReason(words);
    if (reason) return reason;
  }
  return undefined;
}

/** The words of each simple command, operators dropped. */
function simpleCommands(entries: ParseEntry[]): string[][] {
  const out: string[][] = [[]];
  for (const entry of entries) {
    if (typeof entry === 'string') out.at(-1)!.push(entry);
    else if ('op' in entry && entry.op === 'glob') out.at(-1)!.push(entry.pattern);
    else if ('op' in entry && SEPARATORS.has(entry.op)) out.push([]);
  }
  return out.filter((words) => words.length > 0);
}

/** `while true`, `while :`, `until false`, `for ((;;))` without a `break` or `exit` inside. */
function loopReason(run: string): string | undefined {
  const forever = /(?:^|[;&|(\s])(?:while\s+(?:true|:|\[\s*1\s*\]|\[\[\s*1\s*\]\]|sleep\s+\S+)|until\s+false)\s*(?:;|\n|\s+do\b)|\bfor\s*\(\(\s*;\s*;\s*\)\)/;
  if (!forever.test(run) || /\b(?:break|exit)\b/.test(run)) return undefined;
  return 'while true repeats until stopped';
}

/** Wrappers that run the command after them: `sudo tail -f` follows like `tail -f`. */
function unwrap(words: string[]): string[] | null {
  let i = 0;
  while (i < words.length) {
    const word = words[i]!;
    if (/^[A-Za-z_]\w*=/.test(word)) i++;
    else if (word === 'sudo' || word === 'nohup' || word === 'time' || word === 'exec' || word === 'stdbuf' || word === 'env' || word === 'nice') {
      i++;
      while (i < words.length && words[i]!.startsWith('-')) i += /^-[ugCnoe]$/.test(words[i]!) ? 2 : 1;
    } else if (word === 'timeout') {
      return null; // bounded by its own clock
    } else break;
  }
  return words.slice(i);
}

/**
 * Whether a short flag among `letters` is given, alone or combined (`-fn100`, `-xef`): letters
 * are read up to the first one in `valued`, whose value is the rest of the word (`-uconfig`).
 */
function hasShort(args: string[], letters: string, valued = ''): boolean {
  return args.some((a) => {
    if (!/^-[A-Za-z0-9]/.test(a)) return false;
    for (const c of a.slice(1)) {
      if (letters.includes(c)) return true;
      if (valued.includes(c)) return false;
    }
    return false;
  });
}

function hasLong(args: string[], ...names: string[]): boolean {
  return args.some((a) => names.some((n) => a === `--${n}` || a.startsWith(`--${n}=`)));
}

/** Whether a count flag is given (`-c 3`, `-c3`, `--count=3`). */
function hasCount(args: string[], short: string, long?: string): boolean {
  return args.some((a) => a === `-${short}` || new RegExp(`^-${short}\\d`).test(a) || (long !== undefined && (a === `--${long}` || a.startsWith(`--${long}=`))));
}

function programReason(all: string[]): string | undefined {
  const words = unwrap(all);
  if (!words || words.length === 0) return undefined;
  const program = words[0]!.replace(/^.*\//, '');
  const args = words.slice(1);
  switch (program) {
    case 'ssh': {
      // `ssh host "tail -f x" | grep y` stays local, and the remote command decides.
      const inner = args.filter((a) => !a.startsWith('-')).slice(1).join(' ');
      return inner === '' ? undefined : endlessReason(inner);
    }
    case 'tail':
      return hasShort(args, 'fF', 'ncs') || hasLong(args, 'follow') ? 'tail -f follows the file until stopped' : undefined;
    case 'ping':
    case 'ping6':
      return hasCount(args, 'c', 'count') || hasCount(args, 'w', 'deadline') ? undefined : 'ping without -c pings until stopped';
    case 'watch':
      return 'watch repeats the command until stopped';
    case 'journalctl':
      return hasShort(args, 'f', 'unptobSUDMgiI') || hasLong(args, 'follow') ? 'journalctl -f follows the journal until stopped' : undefined;
    case 'top':
    case 'atop':
    case 'iotop':
      return hasShort(args, 'n', 'dpuU') || hasLong(args, 'iter') ? undefined : `${program} refreshes until stopped (${program} -b -n 1 prints once)`;
    case 'htop':
    case 'btop':
    case 'iftop':
    case 'nload':
    case 'glances':
      return `${program} is a full-screen view that runs until stopped`;
    case 'vmstat':
    case 'iostat':
    case 'mpstat':
    case 'sar': {
      const numbers = args.filter((a) => /^\d+$/.test(a));
      return numbers.length === 1 ? `${program} with an interval and no count repeats until stopped` : undefined;
    }
    case 'tcpdump':
      return hasCount(args, 'c') ? undefined : 'tcpdump without -c captures until stopped';
    case 'mtr':
      return hasCount(args, 'c', 'report-cycles') || hasShort(args, 'rw') || hasLong(args, 'report', 'report-wide') ? undefined : 'mtr without -c or --report runs until stopped';
    case 'yes':
      return 'yes prints until stopped';
    case 'sleep':
      return args[0] === 'infinity' ? 'sleep infinity never ends' : undefined;
    case 'docker':
    case 'docker-compose':
    case 'podman':
    case 'nerdctl':
    case 'kubectl':
    case 'oc':
      return containerReason(program, args);
    default:
      return undefined;
  }
}

/** `docker compose logs -f`, `kubectl logs -f`, `kubectl get -w`, `docker stats`, `docker events`, `kubectl port-forward`. */
function containerReason(program: string, args: string[]): string | undefined {
  const verbs = args.filter((a) => !a.startsWith('-'));
  // Flags before the verb are the tool's own (`docker compose -f stack.yml logs` names a file).
  const logs = args.indexOf('logs');
  const after = logs >= 0 ? args.slice(logs + 1) : [];
  const follows = hasShort(after, 'f', 'nc') || hasLong(after, 'follow');
  if (logs >= 0 && follows) return `${program}${verbs[0] === 'compose' ? ' compose' : ''} logs -f follows the logs until stopped`;
  if (program === 'kubectl' || program === 'oc') {
    if (verbs[0] === 'port-forward') return `${program} port-forward runs until stopped`;
    if (hasShort(args, 'w', 'nlocL') || hasLong(args, 'watch', 'watch-only')) return `${program} ${verbs[0] ?? ''} -w watches until stopped`.replace('  ', ' ');
    return undefined;
  }
  if (verbs.includes('stats') && !hasLong(args, 'no-stream')) return `${program} stats refreshes until stopped (--no-stream prints once)`;
  if (verbs.includes('events') && !hasLong(args, 'until')) return `${program} events follows events until stopped`;
  return undefined;
}
