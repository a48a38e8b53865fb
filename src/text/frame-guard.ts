// The last line of defence between the console and the terminal: what Ink writes is filtered so
// that nothing but its own output reaches the terminal, even if some outside text reached a view
// without passing the neutraliser. Ink keeps OSC sequences found in text (its sanitiser passes
// hyperlinks through), so one missed heading could set the terminal title or write the
// clipboard (OSC 52); this guard removes them.
//
// Unlike `neutralise`, this removes rather than shows: Ink has already laid the frame out, and
// string-width counted these sequences and characters as zero columns, so removing them keeps
// every border in place. Making text visible is the sources' job (see neutralise.ts).
//
// Kept: CSI sequences (Ink's cursor moves, erases, SGR colour, synchronized-output and keyboard
// modes; Ink's sanitiser already drops any CSI found in text except SGR), `\n`, `\r`.
// Removed: every other ESC sequence (OSC, DCS, SOS, PM, APC, `ESC k` titles, two-byte ESC
// sequences such as RIS `ESC c`), C0 controls (BEL, BS, SO/SI charset switches...), DEL, C1
// controls and bidi controls.

/** Anything the guard must act on; Ink's frames almost never contain any. */
const SUSPECT = /[\x00-\x09\x0b\x0c\x0e-\x1a\x1c-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|\x1b(?!\[)/;

/**
 * What the guard removes: a control string whole (ended by BEL or ST; unterminated, up to the
 * next ESC, where a terminal would abandon it too), any other non-CSI ESC sequence, or one unsafe
 * character. The `[^...]*` run stops at the next ESC, so the scan stays linear.
 */
const REMOVE =
  /(?:\x1b[\]PX^_k]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?|\x1b(?!\[)[ -/]*[0-~]?|[\x00-\x09\x0b\x0c\x0e-\x1a\x1c-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** `chunk` with everything but Ink's own output removed (see the file comment). */
export function guardFrame(chunk: string): string {
  return SUSPECT.test(chunk) ? chunk.replace(REMOVE, '') : chunk;
}

/** The minimal stream surface Ink writes frames to. */
interface WritableTerminal {
  write(chunk: string | Uint8Array, ...rest: unknown[]): boolean;
}

/**
 * A view of `stream` whose `write` passes text through `guardFrame`; everything else (columns,
 * rows, isTTY, events) is the stream's own, so Ink can be given it in place of stdout.
 */
export function guardedStream<T extends WritableTerminal>(stream: T): T {
  const write = (chunk: string | Uint8Array, ...rest: unknown[]): boolean =>
    stream.write(typeof chunk === 'string' ? guardFrame(chunk) : guardFrame(Buffer.from(chunk).toString('utf8')), ...rest);
  return new Proxy(stream, {
    get(target, key) {
      if (key === 'write') return write;
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
