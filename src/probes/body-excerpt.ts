// Response bodies and command output are untrusted: a body carrying ESC sequences could move the
// cursor or retitle the terminal of everyone watching the shared screen. Excerpts are cut short
// and every control character is made visible before the store ever holds them.

/** Longest excerpt kept per row, in characters. */
export const BODY_EXCERPT_MAX = 400;

// C0 controls except tab and newline, DEL, and C1 controls (which some terminals honour as CSI).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Bounded, escape-neutralised excerpt of a body or command output. */
export function bodyExcerpt(text: string, max = BODY_EXCERPT_MAX): string {
  const cut = text.length > max ? `${text.slice(0, max)}…` : text;
  return cut.replace(/\r\n?/g, '\n').replace(CONTROL, visibleControl);
}

// ESC becomes "␛" and the rest their caret form, so the text stays readable but inert.
function visibleControl(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code === 0x1b) return '␛';
  if (code < 0x20) return `^${String.fromCharCode(code + 64)}`;
  if (code === 0x7f) return '^?';
  return `\\x${code.toString(16)}`;
}
