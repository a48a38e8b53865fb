// Response bodies and command output are untrusted: a body carrying ESC sequences could move the
// cursor or retitle the terminal of everyone watching the shared screen, a bidi override could
// break the pane's border. Excerpts are cut short and neutralised by the text kit (line breaks
// kept) before the store ever holds them.
import { neutralise } from '../text/neutralise.js';

/** Longest excerpt kept per row, in characters. */
export const BODY_EXCERPT_MAX = 400;

/** Bounded, neutralised excerpt of a body or command output. */
export function bodyExcerpt(text: string, max = BODY_EXCERPT_MAX): string {
  return neutralise(text, { newlines: 'keep', maxChars: max + 1 });
}
