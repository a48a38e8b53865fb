// Keeps the output of a running step within bounds and safe to draw: escape sequences from the
// command (colours, cursor moves, title changes) are removed or made visible, never passed on.

/** Matches CSI, OSC and other escape sequences, so colour codes vanish instead of showing as junk. */
const ESCAPES = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-Z\\-_]|\u009b[0-?]*[ -/]*[@-~]/g;
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** A line of command output made harmless for a terminal (escapes dropped, other controls shown as `^X`). */
export function neutraliseLine(line: string): string {
  // A progress meter rewrites its line with \r: show what a terminal would have left visible.
  const parts = line.split('\r').filter((p) => p !== '');
  return (parts.at(-1) ?? '')
    .replace(ESCAPES, '')
    .replace(/\t/g, '  ')
    .replace(CONTROLS, (c) => {
      const code = c.charCodeAt(0);
      return code < 32 ? `^${String.fromCharCode(code + 64)}` : '�';
    });
}

/** The last `capacity` lines of a command's output, with a count of those that fell off the front. */
export class OutputBuffer {
  private lines: string[] = [];
  /** Lines dropped from the front to stay within capacity. */
  dropped = 0;

  /**
   * @param capacity lines kept; @default 2000
   * @param secrets values replaced by `***` wherever they appear
   */
  constructor(
    private readonly capacity = 2000,
    private readonly secrets: readonly string[] = [],
  ) {}

  /** Adds one line (neutralised, secrets masked, cut to 2,000 characters so one huge line cannot fill memory). */
  push(line: string): void {
    let clean = neutraliseLine(line);
    for (const secret of this.secrets) clean = clean.split(secret).join('***');
    this.lines.push(clean.length > 2000 ? clean.slice(0, 2000) + '…' : clean);
    if (this.lines.length > this.capacity) {
      const extra = this.lines.length - this.capacity;
      this.lines.splice(0, extra);
      this.dropped += extra;
    }
  }

  /** All kept lines, oldest first. */
  all(): readonly string[] {
    return this.lines;
  }

  /** The newest `n` lines. */
  tail(n: number): string[] {
    return this.lines.slice(Math.max(0, this.lines.length - n));
  }
}
