// A kind of log source, described once: the key it is written under, the hint that lists it in
// messages, which shared options it takes, and (for a kind that is a command underneath, such as
// `journal:`) how its target is checked and what command follows it. The config schema, the
// loader's messages and the expansion read these descriptors, so adding a kind is one
// descriptor file and one line in ./index.ts; the logs capability runs it as a command source.
//
// This folder imports nothing from the rest of config, so a descriptor sees only Node.

/** The options log sources share, which a kind may or may not take. */
export type SharedLogOption = 'lines' | 'host';

/** A kind the logs capability reads itself (a followed file, a command's output). */
export interface BuiltInLogKind {
  key: string;
  /** How messages list it: `file: PATH`. */
  hint: string;
  /** The shared options it takes. */
  takes: readonly SharedLogOption[];
}

/** A kind that is a command underneath: the descriptor checks its target and writes the command. */
export interface DescribedLogKind extends BuiltInLogKind {
  /** A problem with the expanded target, or undefined when it is fine. */
  checkTarget(target: string): string | undefined;
  /** The shell command that prints `lines` lines of history, then follows. */
  command(target: string, lines: number): string;
}

/** Says a descriptor is one, keeping its literal key type. */
export function describeLogKind<const Key extends string>(kind: DescribedLogKind & { key: Key }): DescribedLogKind & { key: Key } {
  return kind;
}

/** `'it'\''s'`: a value as one shell word (targets are checked first; this is the second fence). */
export function shellWord(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
