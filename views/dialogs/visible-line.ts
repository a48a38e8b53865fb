// Which part of a line of text a field of `width` columns shows so that the cursor is always on
// screen, with `…` where the text goes on beyond an edge. Measured in terminal columns (string-
// width), so wide characters (CJK, emoji) never push the cursor off the row.
import stringWidth from 'string-width';

/** A line cut to fit around its cursor: text before the cursor, the character under it (a space at the end), and after. */
export interface VisibleLine {
  before: string;
  atCursor: string;
  after: string;
}

/**
 * Cuts `text` to `width` columns around `cursor` (a UTF-16 index). The cursor cell is always
 * included; a cut at the left shows `…` first, a cut at the right ends with `…`.
 */
export function visibleLine(text: string, cursor: number, width: number): VisibleLine {
  const chars = [...text];
  const at = [...text.slice(0, cursor)].length;
  const under = chars[at] ?? ' ';
  const room = Math.max(1, width);
  const widths = chars.map((char) => Math.max(0, stringWidth(char)));
  // Columns left for text besides the cursor cell (and the ellipses, once known).
  let start = at;
  let end = at + 1;
  let used = Math.max(1, stringWidth(under));
  const fits = (extra: number, from: number, to: number) => used + extra + (from > 0 ? 1 : 0) + (to < chars.length ? 1 : 0) <= room;
  // Grow to the left first (what was just typed), keeping at least a few columns after the cursor visible when there are some.
  for (;;) {
    const canLeft = start > 0 && fits(widths[start - 1]!, start - 1, Math.min(chars.length, end));
    if (canLeft) {
      start -= 1;
      used += widths[start]!;
      continue;
    }
    break;
  }
  for (;;) {
    const canRight = end < chars.length && fits(widths[end]!, start, end + 1);
    if (canRight) {
      used += widths[end]!;
      end += 1;
      continue;
    }
    break;
  }
  const left = start > 0 ? '…' : '';
  const right = end < chars.length ? '…' : '';
  return {
    before: left + chars.slice(start, at).join(''),
    atCursor: under,
    after: chars.slice(at + 1, end).join('') + right,
  };
}
