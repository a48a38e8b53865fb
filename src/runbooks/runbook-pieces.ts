// A parsed runbook carried from the parser's thread to the console's as JSON text in pieces.
// Kept apart from the worker's entry (parse-worker.ts) so the console's side does not load the
// Markdown parser to read them.
import type { Runbook } from './model.js';

/** Where a piece's items go: keys and indexes from the runbook down to an array (`['sections', 4, 'steps']`). */
export type PiecePath = (string | number)[];

/** JSON text of items appended, in order, to the array at `at`. */
export interface RunbookPiece {
  at: PiecePath;
  items: string;
}

/**
 * The parsed runbook as JSON text in pieces: the runbook with its long lists emptied, then their
 * items, about CHUNK_CHARS of JSON a piece. An item too long for a piece (a section of 90,000
 * steps, a step of 90,000 commands, a table of 140,000 rows) travels the same way: itself with
 * its long lists emptied, then their items. Cloning a runbook object into the console's thread
 * costs that thread time in proportion to its size (0.4 s for a 2 MiB runbook on a busy machine,
 * every key waiting), and so does reading one long JSON text; pieces are read there a piece per
 * turn of its event loop (see assembleRunbook), a few milliseconds each.
 */
export interface RunbookPieces {
  head: string;
  pieces: RunbookPiece[];
  /** The runbook's tables are its sections' tables, in order: they are sent once, with the sections. */
  tablesFromSections: boolean;
}

/** About how much JSON text one piece holds: reading 32 KB takes a millisecond or two (128 KB pieces took up to 12 ms, 50 on a busy machine, on one turn). */
const CHUNK_CHARS = 32 * 1024;

/** A plain object (not an array, not null). */
function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * `value` as JSON text, without its lists when it is longer than a piece: their items are added
 * to `out` as pieces for the arrays under `at`, after whatever `out` holds (the caller puts
 * `value` itself in place first).
 */
function shell(value: unknown, at: PiecePath, out: (RunbookPiece | null)[], json = JSON.stringify(value)): string {
  if (json.length <= CHUNK_CHARS || !isRecord(value)) return json;
  const copy: Record<string, unknown> = { ...value };
  const lists: [string, unknown[]][] = [];
  for (const [key, field] of Object.entries(value)) {
    if (Array.isArray(field) && field.length > 0) {
      copy[key] = [];
      lists.push([key, field]);
    }
  }
  if (lists.length === 0) return json;
  const text = JSON.stringify(copy);
  for (const [key, list] of lists) pieces(list, [...at, key], out);
  return text;
}

/** The items of `list` (the array at `at`) as pieces in `out`. */
function pieces(list: readonly unknown[], at: PiecePath, out: (RunbookPiece | null)[]): void {
  let batch: string[] = [];
  let size = 0;
  const flush = () => {
    if (batch.length > 0) out.push({ at, items: `[${batch.join(',')}]` });
    batch = [];
    size = 0;
  };
  list.forEach((item, index) => {
    const json = JSON.stringify(item);
    if (json.length > CHUNK_CHARS && isRecord(item)) {
      flush();
      // Its place first: the pieces of its own lists follow it.
      const slot = out.push(null) - 1;
      out[slot] = { at, items: `[${shell(item, [...at, index], out, json)}]` };
      return;
    }
    batch.push(json);
    size += json.length;
    if (size >= CHUNK_CHARS) flush();
  });
  flush();
}

/** Whether the runbook's tables are exactly its sections' tables, in order (the parser keeps each in both). */
function tablesAreSections(runbook: Runbook): boolean {
  const inSections = runbook.sections.flatMap((section) => section.tables);
  return inSections.length === runbook.tables.length && inSections.every((table, i) => table === runbook.tables[i]);
}

/** A runbook in pieces (the runbook model is plain data: JSON carries it whole). */
export function runbookPieces(runbook: Runbook): RunbookPieces {
  const tablesFromSections = tablesAreSections(runbook);
  const root = tablesFromSections ? { ...runbook, tables: [] } : runbook;
  const out: (RunbookPiece | null)[] = [];
  const head = shell(root, [], out);
  return { head, pieces: out as RunbookPiece[], tablesFromSections };
}

/** Reads a runbook back from its pieces, yielding the thread between pieces. */
export async function assembleRunbook(pieces: RunbookPieces): Promise<Runbook> {
  const runbook = JSON.parse(pieces.head) as Runbook;
  for (const piece of pieces.pieces) {
    await new Promise((resolve) => setImmediate(resolve));
    let target: unknown = runbook;
    for (const key of piece.at) target = (target as Record<string | number, unknown>)[key];
    if (!Array.isArray(target)) throw new Error(`a piece for ${piece.at.join('.')}, which is not a list`);
    // A loop: a piece of short items holds thousands, past what a call's arguments take.
    for (const item of JSON.parse(piece.items) as unknown[]) target.push(item);
  }
  if (pieces.tablesFromSections) runbook.tables = runbook.sections.flatMap((section) => section.tables);
  return runbook;
}
