// The worker thread that parses runbooks, so a slow or hostile file never holds the console's
// event loop (keys, frames, probes). Started by parse-off-thread.ts; one request at a time.
import { parentPort } from 'node:worker_threads';
import type { Runbook } from './model.js';
import { parseRunbook } from './parse.js';

/** A request: the Markdown text and the file name it came from. */
export interface ParseRequest {
  id: number;
  source: string;
  file: string;
}

/** The answer: the parsed runbook, or why it could not be parsed; `ready` once the parser has loaded. */
export type ParseReply = { id: number; runbook: Runbook } | { id: number; error: string } | { ready: true };

parentPort?.on('message', (request: ParseRequest) => {
  let reply: ParseReply;
  try {
    reply = { id: request.id, runbook: parseRunbook(request.source, request.file) };
  } catch (error) {
    // parseRunbook keeps whatever it does not understand as text; what still throws is the
    // engine running out of stack or memory on a hostile file.
    reply = { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(reply);
});

// Loading the Markdown toolchain is not part of any parse's time budget: say when it is done.
parentPort?.postMessage({ ready: true } satisfies ParseReply);
