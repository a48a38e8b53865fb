// @ericcornelissen/bash-parser ships no types: the one function destructive.ts uses.
declare module '@ericcornelissen/bash-parser' {
  /** Parses shell source into its AST (a Script node); throws on a syntax error. */
  export default function parse(source: string, options?: { mode?: 'bash' | 'posix'; insertLOC?: boolean }): unknown;
}
