// Maps a key path in the parsed config back to where it was written, so every problem found
// after parsing (by zod or by the resolver) still points at file:line:col.
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import type { ConfigProblem } from './errors.js';
import type { SourcePos } from './source-pos.js';

/** One step into the config tree: a map key or a list index. */
export type PathStep = string | number;

/** `services[0].checks[1].interval`; keys that are not identifiers are quoted: `headers["X-Key"]`. */
export function formatKeyPath(path: readonly PathStep[]): string {
  let out = '';
  for (const step of path) {
    if (typeof step === 'number') out += `[${step}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(step)) out += out === '' ? step : `.${step}`;
    else out += `[${JSON.stringify(step)}]`;
  }
  return out;
}

/** Position lookups over one parsed document. */
export class YamlPositions {
  constructor(
    private readonly doc: Document,
    private readonly lines: LineCounter,
    readonly file: string,
  ) {}

  /** Line and column (1-based) of a byte offset in the text. */
  at(offset: number): { line: number; col: number } {
    const { line, col } = this.lines.linePos(offset);
    return { line, col };
  }

  /** The deepest node along `path` and the key node of its last step, stopping where the path leaves the file. */
  private walk(path: readonly PathStep[]): { node: unknown; key: unknown; complete: boolean } {
    let node: unknown = this.doc.contents;
    let key: unknown;
    for (const step of path) {
      if (isAlias(node)) node = node.resolve(this.doc);
      let next: unknown;
      let nextKey: unknown;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && String(isScalar(p.key) ? p.key.value : p.key) === String(step));
        if (pair) {
          nextKey = pair.key;
          next = pair.value ?? pair.key;
        }
      } else if (isSeq(node) && typeof step === 'number') {
        next = node.items[step];
      }
      if (next === undefined) return { node, key, complete: false };
      node = next;
      key = nextKey;
    }
    return { node, key, complete: true };
  }

  /** Where the value at `path` is written (or, when missing, the nearest enclosing node). */
  valuePos(path: readonly PathStep[]): SourcePos {
    return this.posOfNode(this.walk(path).node);
  }

  /** Where the key of the last step is written (for unknown keys), else the value. */
  keyPos(path: readonly PathStep[]): SourcePos {
    const hit = this.walk(path);
    return this.posOfNode(hit.complete && hit.key !== undefined ? hit.key : hit.node);
  }

  /** The source text of the value at `path` (raw, before `${VAR}` filling), for locating within it. */
  sourceRange(path: readonly PathStep[]): [number, number] | undefined {
    const hit = this.walk(path);
    const range = hit.complete ? (hit.node as Node | undefined)?.range : undefined;
    return range ? [range[0], range[1]] : undefined;
  }

  /** A problem at the value (or, with `onKey`, the key) that `path` names. */
  problem(path: readonly PathStep[], message: string, onKey = false): ConfigProblem {
    const pos = onKey ? this.keyPos(path) : this.valuePos(path);
    return { file: this.file, line: pos.line, col: pos.col, keyPath: formatKeyPath(path), message };
  }

  private posOfNode(node: unknown): SourcePos {
    const range = (node as Node | null | undefined)?.range;
    if (!range) return { file: this.file, line: 1, col: 1 };
    return { file: this.file, ...this.at(range[0]) };
  }
}
