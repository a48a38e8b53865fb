// Command output on its way to the screen and the timeline: escapes neutralised, secrets
// redacted, lines cut, and only a bounded tail kept however much a command prints.

// CSI, OSC (BEL or ST terminated), other ESC sequences, then any remaining C0/C1 control.
const ESCAPES = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]?|[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;

/** The longest line kept; the rest of a line is replaced by an ellipsis. */
export const MAX_LINE_CHARS = 500;

/** A line made safe to draw: no terminal escapes or control characters, tabs expanded, length capped. */
export function neutraliseLine(line: string): string {
  const clean = line.replace(/\t/g, '  ').replace(ESCAPES, '');
  return clean.length > MAX_LINE_CHARS ? `${clean.slice(0, MAX_LINE_CHARS - 1)}…` : clean;
}

/** The last `capacity` lines of an output, in order. */
export class OutputTail {
  private readonly lines: string[] = [];
  /** Lines pushed in total, so views can say how many scrolled away. */
  total = 0;

  constructor(private readonly capacity = 200) {}

  push(line: string): void {
    this.total++;
    this.lines.push(line);
    if (this.lines.length > this.capacity) this.lines.splice(0, this.lines.length - this.capacity);
  }

  /** The last `n` lines (all kept lines by default), as a new array. */
  last(n = this.capacity): string[] {
    return this.lines.slice(-n);
  }
}
