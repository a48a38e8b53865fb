// Cutting and wrapping text by terminal columns, not characters: a CJK character or an emoji
// takes two columns, a combining mark none. Every view that fits text into a pane uses these,
// so a wide character can never push a border out of place. Text is expected to be neutralised
// already (no tabs or controls; see neutralise.ts), so string-width's count is what the terminal
// draws, once emoji are unjoined (see unjoinEmoji).
import stringWidth from 'string-width';

/** Emoji joiners and modifiers: zero-width joiner, variation selectors, keycap mark, skin tones. */
const EMOJI_JOINERS = /[\u200d\ufe0e\ufe0f\u20e3]|\ud83c[\udffb-\udfff]/;
const EMOJI_JOINERS_ALL = /[\u200d\ufe0e\ufe0f\u20e3]|\ud83c[\udffb-\udfff]/g;

/**
 * `text` without emoji joiners and modifiers, so each emoji is drawn on its own. Terminals
 * disagree on joined emoji (tmux 3.3 draws a red heart with U+FE0F in one column where
 * string-width counts two, a skin-tone emoji in four where string-width counts two), and one
 * wrong count pushes a border out of place; unjoined, every terminal and string-width agree.
 * Ink's text sanitiser applies the same rule to everything drawn (patches/ink+6.8.0.patch), so
 * a cut made here measures what Ink will lay out.
 */
export function unjoinEmoji(text: string): string {
  return EMOJI_JOINERS.test(text) ? text.replace(EMOJI_JOINERS_ALL, '') : text;
}

/** Text whose width is its length: printable ASCII and Latin/Greek/Cyrillic letters, nothing wide or zero-width. */
const NARROW_ONLY = /^[\x20-\u02ff]*$/;

/** Cuts `text` to at most `columns` terminal columns (no ellipsis): a prefix of `unjoinEmoji(text)`. */
export function cutToWidth(text: string, columns: number): string {
  if (columns <= 0) return '';
  // The log pane calls this for every visible line each frame: the common narrow line is a slice.
  if (NARROW_ONLY.test(text)) return text.length <= columns ? text : text.slice(0, columns);
  let used = 0;
  let out = '';
  for (const char of unjoinEmoji(text)) {
    const w = stringWidth(char);
    if (used + w > columns) break;
    used += w;
    out += char;
  }
  return out;
}

/** Splits `text` into pieces of at most `columns` columns each (wrap mode, dialogs). */
export function wrapToWidth(text: string, columns: number): string[] {
  const pieces: string[] = [];
  // Unjoined first: each piece is a prefix of the rest, so its length is what to slice off.
  let rest = unjoinEmoji(text);
  while (rest.length > 0) {
    const piece = cutToWidth(rest, columns);
    if (piece.length === 0) break;
    pieces.push(piece);
    rest = rest.slice(piece.length);
  }
  return pieces.length > 0 ? pieces : [''];
}

/** `text` in at most `columns` columns, ending in `…` when cut (nothing at all below 2 columns). */
export function ellipsize(text: string, columns: number): string {
  text = unjoinEmoji(text);
  if (stringWidth(text) <= columns) return text;
  if (columns < 2) return '';
  return `${cutToWidth(text, columns - 1)}…`;
}
