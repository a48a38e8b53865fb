// Recognises `ssh HOST "cmd"` in a runbook so the command runs on HOST through the execution
// layer instead of a local ssh binary. ssh's own options (-p, -i, -l, -o) are dropped on purpose:
// the host's entry in the config or ~/.ssh/config decides port, user and key.

/** ssh options that take a value (from ssh(1)). */
const OPTIONS_WITH_VALUE = new Set('BbcDEeFIiJLlmOoPpQRSWw'.split(''));

/** How a command relates to ssh. */
export type SshForm =
  | { kind: 'none' }
  /** `ssh HOST` alone: an interactive login, whose following lines run on HOST. */
  | { kind: 'login'; host: string }
  /** `ssh HOST "cmd"` or `ssh HOST cmd args`: cmd runs on HOST. */
  | { kind: 'remote'; host: string; run: string };

/** A `<name>` placeholder at the start of the text (the same shape placeholders.ts finds). */
const PLACEHOLDER_WORD = /^<[A-Za-z][\w.-]*>(?!>)/;

interface Token {
  text: string;
  /** The token was one quoted string from start to end. */
  quoted: '' | "'" | '"';
  raw: string;
}

/** Splits one line into shell words; null when it holds operators (pipes, `;`, `&&`, redirects) outside quotes. */
function words(line: string): Token[] | null {
  const out: Token[] = [];
  let i = 0;
  while (i < line.length) {
    while (line[i] === ' ' || line[i] === '\t') i++;
    if (i >= line.length) break;
    const start = i;
    let text = '';
    let quotedParts = 0;
    let plainParts = 0;
    let lastQuote: Token['quoted'] = '';
    while (i < line.length && line[i] !== ' ' && line[i] !== '\t') {
      const c = line[i]!;
      if (c === "'") {
        const end = line.indexOf("'", i + 1);
        if (end < 0) return null;
        text += line.slice(i + 1, end);
        i = end + 1;
        quotedParts++;
        lastQuote = "'";
      } else if (c === '"') {
        let j = i + 1;
        while (j < line.length && line[j] !== '"') {
          if (line[j] === '\\' && j + 1 < line.length && '"\\$`'.includes(line[j + 1]!)) j++;
          text += line[j];
          j++;
        }
        if (j >= line.length) return null;
        i = j + 1;
        quotedParts++;
        lastQuote = '"';
      } else if (c === '<' && PLACEHOLDER_WORD.test(line.slice(i))) {
        // `<load_balancer>`: a placeholder asked for before the run, not a redirect.
        const end = line.indexOf('>', i);
        text += line.slice(i, end + 1);
        i = end + 1;
        plainParts++;
      } else if (';&|<>()`'.includes(c) || (c === '#' && text === '' && plainParts === 0)) {
        return null;
      } else {
        if (c === '\\' && i + 1 < line.length) i++;
        text += line[i];
        i++;
        plainParts++;
      }
    }
    out.push({ text, quoted: quotedParts === 1 && plainParts === 0 ? lastQuote : '', raw: line.slice(start, i) });
  }
  return out;
}

/** Reads a command as an ssh invocation, when it is one. */
export function readSsh(run: string): SshForm {
  if (!/^ssh\s/.test(run) || run.includes('\n')) return { kind: 'none' };
  const tokens = words(run);
  if (!tokens || tokens[0]?.text !== 'ssh') return { kind: 'none' };
  let i = 1;
  while (i < tokens.length && tokens[i]!.text.startsWith('-') && tokens[i]!.quoted === '') {
    const flag = tokens[i]!.text;
    const last = flag[flag.length - 1]!;
    i += flag.length === 2 && OPTIONS_WITH_VALUE.has(last) ? 2 : 1;
  }
  const hostToken = tokens[i];
  if (!hostToken || hostToken.text === '') return { kind: 'none' };
  const host = hostToken.text.replace(/^[^@]*@/, '');
  const rest = tokens.slice(i + 1);
  if (rest.length === 0) return { kind: 'login', host };
  if (rest.length === 1 && rest[0]!.quoted !== '') return { kind: 'remote', host, run: rest[0]!.text.trim() };
  return { kind: 'remote', host, run: rest.map((t) => t.raw).join(' ') };
}
