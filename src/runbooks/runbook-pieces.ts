// A parsed runbook carried from the parser's thread to the console's as JSON text in pieces.
// Kept apart from the worker's entry (parse-worker.ts) so the console's side does not load the
// Markdown parser to read them.
import type { Runbook } from './model.js';

/**
 * The parsed runbook as JSON text in pieces: the runbook without its sections and tables, then
 * those in batches of about CHUNK_CHARS. Cloning a runbook object into the console's thread costs
 * that thread time in proportion to its size (0.4 s for a 2 MiB runbook on a busy machine, every
 * key waiting); text in pieces is read there a piece per turn of its event loop (see
 * assembleRunbook), a few milliseconds each.
 */
export interface RunbookPieces {
  head: string;
  sections: string[];
  tables: string[];
}

/** About how much JSON text one piece holds: reading 32 KB takes a millisecond or two (128 KB pieces took up to 12 ms, 50 on a busy machine, on one turn). */
const CHUNK_CHARS = 32 * 1024;

/** JSON arrays of `items`, each about CHUNK_CHARS long. */
function batches(items: readonly unknown[]): string[] {
  const out: string[] = [];
  let batch: string[] = [];
  let size = 0;
  for (const item of items) {
    const json = JSON.stringify(item);
    batch.push(json);
    size += json.length;
    if (size >= CHUNK_CHARS) {
      out.push(`[${batch.join(',')}]`);
      batch = [];
      size = 0;
    }
  }
  if (batch.length > 0) out.push(`[${batch.join(',')}]`);
  return out;
}

/** A runbook in pieces (the runbook model is plain data: JSON carries it whole). */
export function runbookPieces(runbook: Runbook): RunbookPieces {
  const { sections, tables, ...rest } = runbook;
  return { head: JSON.stringify({ ...rest, sections: [], tables: [] }), sections: batches(sections), tables: batches(tables) };
}

/** Reads a runbook back from its pieces, yielding the thread between pieces. */
export async function assembleRunbook(pieces: RunbookPieces): Promise<Runbook> {
  const runbook = JSON.parse(pieces.head) as Runbook;
  for (const [key, list] of [['sections', pieces.sections], ['tables', pieces.tables]] as const) {
    for (const piece of list) {
      await new Promise((resolve) => setImmediate(resolve));
      (runbook[key] as unknown[]).push(...(JSON.parse(piece) as unknown[]));
    }
  }
  return runbook;
}
