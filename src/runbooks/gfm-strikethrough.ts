// GitHub's strikethrough for markdown-it. The GFM spec strikes text "wrapped in a matching pair of
// one or two tildes" and leaves runs of three or more as they are; markdown-it's own rule strikes
// only `~~` and splits longer runs into pairs, so `~now~` kept its tildes and `~~~a~~~` came out
// struck. This is markdown-it's rule (rules_inline/strikethrough.mjs) with those two differences,
// written here because no kept plugin does GFM's reading (micromark's extension, what warroom
// read runbooks with before, does).
import type { MarkdownIt, StateInline } from 'markdown-it';
import type { Delimiter } from 'markdown-it';

const TILDE = 0x7e;
/** Delimiters are matched by marker: a single tilde closes only a single one, a pair only a pair. */
const SINGLE = -TILDE;

function tokenize(state: StateInline, silent: boolean): boolean {
  if (silent || state.src.charCodeAt(state.pos) !== TILDE) return false;
  const scanned = state.scanDelims(state.pos, true);
  const token = state.push('text', '', 0);
  token.content = '~'.repeat(scanned.length);
  if (scanned.length <= 2) {
    // length 0 turns off the "rule of 3", which is about emphasis.
    state.delimiters.push({ marker: scanned.length === 1 ? SINGLE : TILDE, length: 0, token: state.tokens.length - 1, end: -1, open: scanned.can_open, close: scanned.can_close });
  }
  state.pos += scanned.length;
  return true;
}

function pairUp(state: StateInline, delimiters: Delimiter[]): void {
  for (const start of delimiters) {
    if ((start.marker !== TILDE && start.marker !== SINGLE) || start.end === -1) continue;
    const end = delimiters[start.end]!;
    const markup = start.marker === TILDE ? '~~' : '~';
    Object.assign(state.tokens[start.token]!, { type: 's_open', tag: 's', nesting: 1, markup, content: '' });
    Object.assign(state.tokens[end.token]!, { type: 's_close', tag: 's', nesting: -1, markup, content: '' });
  }
}

function postProcess(state: StateInline): boolean {
  pairUp(state, state.delimiters);
  for (const meta of state.tokens_meta) if (meta?.delimiters) pairUp(state, meta.delimiters);
  return false;
}

/** Replaces markdown-it's strikethrough with GFM's (one or two tildes, matched by count). */
export function gfmStrikethrough(md: MarkdownIt): void {
  md.inline.ruler.at('strikethrough', tokenize);
  md.inline.ruler2.at('strikethrough', postProcess);
}
