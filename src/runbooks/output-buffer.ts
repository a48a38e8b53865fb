// Keeps the output of a running step within bounds and safe to draw: escape sequences from the
// command (colours, cursor moves, title changes) are removed or made visible by the text kit's
// command-output rule, never passed on, and secrets are masked before a line is kept.
import { COMMAND_OUTPUT, cut, neutralise } from '../text/neutralise.js';
import type { Redactor } from '../text/redact.js';

/** Longest line kept, in characters; one huge line cannot fill memory. */
const MAX_LINE = 2000;

/** The last `capacity` lines of a command's output, with a count of those that fell off the front. */
export class OutputBuffer {
  private lines: string[] = [];
  /** Lines dropped from the front to stay within capacity. */
  dropped = 0;

  /**
   * @param capacity lines kept; @default 2000
   * @param secrets values replaced by `***` wherever they appear
   * @param redactor the console's redactor, applied to every line
   */
  constructor(
    private readonly capacity = 2000,
    private readonly secrets: readonly string[] = [],
    private readonly redactor: Redactor = (text) => text,
  ) {}

  /** Adds one line (neutralised, secrets masked, then cut to 2,000 characters). */
  push(line: string): void {
    let clean = neutralise(line, { ...COMMAND_OUTPUT, maxChars: 8 * MAX_LINE });
    for (const secret of this.secrets) clean = clean.split(secret).join('***');
    this.lines.push(cut(this.redactor(clean), MAX_LINE + 1));
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
