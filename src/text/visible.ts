// Text shown for approval must show everything it holds: a command with ESC[8m (conceal) or a
// carriage return could otherwise hide the part that runs. Every control character becomes a
// visible stand-in instead of being dropped (dropping would show a different command than the
// one that runs): C0 controls as their Unicode control pictures (ESC is ␛), DEL as ␡, C1
// controls, bidi and zero-width format characters, line separators and lone surrogates by
// code point. Newlines are kept: callers show them as line breaks.

/** Characters that change how text is drawn or ordered without being drawn themselves. */
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u00ad\u061c\u115f\u1160\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\u3164\ufeff\ufff9-\ufffb]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function standIn(c: string): string {
  const code = c.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  return `⟨U+${code.toString(16).toUpperCase().padStart(4, '0')}⟩`;
}

/** `text` with every control and invisible formatting character replaced by a visible stand-in (newlines kept). */
export function visibleControls(text: string): string {
  return text.replace(INVISIBLE, standIn);
}
