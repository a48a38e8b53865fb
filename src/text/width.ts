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
  // Narrow text is cut by length, tested once: testing the rest before each piece went over a 64 KB line 650 times.
  if (columns > 0 && NARROW_ONLY.test(text)) {
    for (let at = 0; at < text.length; at += columns) pieces.push(text.slice(at, at + columns));
    return pieces.length > 0 ? pieces : [''];
  }
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

/** Runs of characters that are not one column each for sure. */
const NOT_NARROW = /[^\x20-\u02ff]+/g;

/**
 * Columns `text` takes, as string-width counts them: narrow characters one each (no measuring),
 * and each run of others measured with the character before it, which a combining mark, a
 * variation selector or a keycap joins. string-width segments the whole text into graphemes: a
 * 2,000-character line with one `…` in it took 5-10 ms.
 */
export function textWidth(text: string): number {
  if (NARROW_ONLY.test(text)) return text.length;
  let width = 0;
  let done = 0;
  for (const run of text.matchAll(NOT_NARROW)) {
    const start = Math.max(done, run.index - 1);
    const end = run.index + run[0].length;
    width += start - done + stringWidth(text.slice(start, end));
    done = end;
  }
  return width + text.length - done;
}

/** Columns one character (a code point) takes. */
function charColumns(char: string): number {
  const c = char.charCodeAt(0);
  return c >= 0x20 && c <= 0x2ff ? 1 : stringWidth(char);
}

/** `row` without trailing spaces, keeping zero-width words after them (wrap-ansi's trim, right side). */
function trimSpacesRight(row: string): string {
  const words = row.split(' ');
  let last = words.length;
  while (last > 0 && textWidth(words[last - 1]!) === 0) last--;
  return last === words.length ? row : words.slice(0, last).join(' ') + words.slice(last).join('');
}

/** Appends `word` to `rows` a character at a time, breaking at `columns`; the last row's columns after. */
function breakWord(rows: string[], word: string, columns: number, used: number): number {
  const chars = [...word];
  let visible = used;
  chars.forEach((char, index) => {
    const width = charColumns(char);
    if (visible + width <= columns) rows[rows.length - 1] += char;
    else {
      rows.push(char);
      visible = 0;
    }
    visible += width;
    if (visible === columns && index < chars.length - 1) {
      rows.push('');
      visible = 0;
    }
  });
  if (visible === 0 && rows.at(-1)!.length > 0 && rows.length > 1) rows[rows.length - 2] += rows.pop()!;
  // Measured whole: a zero-width mark carried back onto the row before joins a character there.
  return textWidth(rows.at(-1)!);
}

/** One line of `wrapWords`. */
function wrapLine(line: string, columns: number, trim: boolean): string[] {
  if (trim && line.trim() === '') return [''];
  const words = line.split(' ');
  const rows = [''];
  let used = 0;
  words.forEach((word, index) => {
    const last = rows.at(-1)!;
    const trimmed = trim ? last.trimStart() : last;
    if (trimmed !== last) {
      rows[rows.length - 1] = trimmed;
      used = textWidth(trimmed);
    }
    if (index !== 0) {
      // Untrimmed, a space that would end a full row starts the next one (kept, not dropped).
      if (!trim && used >= columns) {
        rows.push('');
        used = 0;
      }
      if (used > 0 || !trim) {
        rows[rows.length - 1] += ' ';
        used++;
      }
    }
    const width = textWidth(word);
    if (width > columns) {
      // Broken across rows: started on this row when that takes no more rows than starting on the next.
      const startingHere = 1 + Math.floor((width - (columns - used) - 1) / columns);
      const startingNext = Math.floor((width - 1) / columns);
      if (startingNext < startingHere) {
        rows.push('');
        used = 0;
      }
      used = breakWord(rows, word, columns, used);
      return;
    }
    if (used + width > columns && used > 0 && width > 0) {
      rows.push('');
      used = 0;
    }
    rows[rows.length - 1] += word;
    used += width;
  });
  return trim ? rows.map(trimSpacesRight) : rows;
}

/**
 * `text` (neutralised: no escape sequences) wrapped at spaces to at most `columns` columns, a word
 * longer than that broken across rows, each row trimmed (`trim: false`: every space kept, so
 * the rows put together are the line): the rows `wrapAnsi(text, columns, { hard: true, trim })`
 * gives (test/text/wrap-words.test.ts compares them), measured a word at a time. wrap-ansi
 * measures the whole row so far before each word, with string-width's grapheme segmenter: 17 ms
 * for a line of 1,500 characters; a section of 200 such steps held the console's thread for 3.5 s
 * when it was shown or the pane changed width, and confirming a command of one 100 KB line 0.5 s.
 */
export function wrapWords(text: string, columns: number, { trim = true }: { trim?: boolean } = {}): string[] {
  return text.normalize().replaceAll('\r\n', '\n').split('\n').flatMap((line) => wrapLine(line, columns, trim));
}
