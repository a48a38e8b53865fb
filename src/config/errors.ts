// Config errors the user caused: each problem points at file:line:col and a key path, so the CLI
// can print them as compiler-style lines and exit 2 without a stack trace.
import { isAbsolute, relative } from 'node:path';
import { oneLine } from '../text/neutralise.js';

/** One thing wrong (or suspicious) in a config file, located for the user. */
export interface ConfigProblem {
  file: string;
  /** 1-based; 0 when the problem is about the file as a whole. */
  line: number;
  /** 1-based; 0 when unknown. */
  col: number;
  /** Dotted path to the offending key, e.g. `services[0].checks[1].interval`; '' for the file. */
  keyPath: string;
  message: string;
}

/** Shows a path relative to the working directory when it lies below it, as compilers do. */
function displayPath(file: string): string {
  if (!isAbsolute(file)) return file;
  const rel = relative(process.cwd(), file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}

/** Longest key path shown; a hostile file can make keys of any length. */
const MAX_KEY_PATH = 120;

/**
 * Renders one problem as `file:line:col: key.path: message`. Messages quote the file's own text
 * (keys, values, file names), so the line goes through the text kit before a terminal sees it.
 */
export function formatProblem(p: ConfigProblem): string {
  const where = p.line > 0 ? `${displayPath(p.file)}:${p.line}:${p.col}` : displayPath(p.file);
  return oneLine(p.keyPath ? `${where}: ${oneLine(p.keyPath, MAX_KEY_PATH)}: ${p.message}` : `${where}: ${p.message}`);
}

/** Orders problems the way a reader scans the file: by line, then column. */
export function sortProblems(problems: ConfigProblem[]): ConfigProblem[] {
  return [...problems].sort((a, b) => a.line - b.line || a.col - b.col);
}

/** A config that cannot be used; carries every problem found, the first one in its own fields. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly keyPath: string;
  /** Every problem found, sorted by position. */
  readonly problems: ConfigProblem[];

  constructor(problems: ConfigProblem[] | ConfigProblem) {
    const list = sortProblems(Array.isArray(problems) ? problems : [problems]);
    if (list.length === 0) throw new Error('ConfigError needs at least one problem');
    const first = list[0]!;
    super(first.message);
    this.file = first.file;
    this.line = first.line;
    this.col = first.col;
    this.keyPath = first.keyPath;
    this.problems = list;
  }

  /** The text the CLI prints before exiting 2: one line per problem, the first `limit` of them. */
  format(limit = 30): string {
    const shown = this.problems.slice(0, limit).map(formatProblem);
    const more = this.problems.length - shown.length;
    return more > 0 ? [...shown, `... and ${more} more`].join('\n') : shown.join('\n');
  }
}
