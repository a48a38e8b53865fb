// Command output on its way to the screen and the timeline: escapes neutralised (the text kit's
// command-output rule), secrets redacted, lines cut, and only a bounded tail kept however much a
// command prints.
import { COMMAND_OUTPUT, cut, neutralise } from '../text/neutralise.js';
import type { Redactor } from '../text/redact.js';

/** The longest line kept; the rest of a line is replaced by an ellipsis. */
export const MAX_LINE_CHARS = 500;

/**
 * A line of output made safe to draw (see COMMAND_OUTPUT), redacted, then capped: cutting before
 * redacting could leave the first half of a secret on screen.
 */
export function outputLine(line: string, redactor: Redactor): string {
  return cut(redactor(neutralise(line, { ...COMMAND_OUTPUT, maxChars: 8 * MAX_LINE_CHARS })), MAX_LINE_CHARS);
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
