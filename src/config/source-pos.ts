// Where a value came from in the config file: messages and the board point at it.

/** Where a value came from in the config file, for messages that point at it. */
export interface SourcePos {
  file: string;
  line: number;
  col: number;
}
