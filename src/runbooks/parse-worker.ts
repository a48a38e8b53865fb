// The worker thread that parses runbooks, so a slow or hostile file never holds the console's
// event loop (keys, frames, probes). Started by parse-off-thread.ts; one request at a time.
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { parseRunbook } from './parse.js';
import { runbookPieces, type RunbookPieces } from './runbook-pieces.js';

/** A request: the Markdown text and the file name it came from. */
export interface ParseRequest {
  id: number;
  source: string;
  file: string;
}

/** The answer: the parsed runbook, or why it could not be parsed; `ready` once the parser has loaded. */
export type ParseReply = { id: number; pieces: RunbookPieces } | { id: number; error: string } | { ready: true };

/** The nice value the parser runs at: the console's own thread (keys, frames) goes first. */
export const PARSER_NICE = 10;

/**
 * Lowers this thread's priority, leaving the console's threads as they are. On Linux a thread has
 * a nice value of its own, set through its thread id (from /proc/thread-self); elsewhere, or
 * where that is refused, the parser runs at the console's priority.
 */
function yieldToTheConsole(): void {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(tid) && tid > 0) setPriority(tid, PARSER_NICE);
  } catch {
    // Not Linux, or not allowed: the budget still bounds the parse.
  }
}

if (parentPort) yieldToTheConsole();

parentPort?.on('message', (request: ParseRequest) => {
  let reply: ParseReply;
  try {
    reply = { id: request.id, pieces: runbookPieces(parseRunbook(request.source, request.file)) };
  } catch (error) {
    // parseRunbook keeps whatever it does not understand as text; what still throws is the
    // engine running out of stack or memory on a hostile file.
    reply = { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(reply);
});

// Loading the Markdown toolchain is not part of any parse's time budget: say when it is done.
parentPort?.postMessage({ ready: true } satisfies ParseReply);
