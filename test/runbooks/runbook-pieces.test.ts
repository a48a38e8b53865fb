// A parsed runbook crosses from the parser's thread to the console's as JSON text in pieces: it
// arrives whole and equal, in pieces of bounded size, and reading it gives the console's thread
// back between pieces (a key pressed meanwhile is handled before the next piece is read).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseRunbook } from '../../src/runbooks/parse.js';
import { assembleRunbook, runbookPieces } from '../../src/runbooks/runbook-pieces.js';

const shipped = fileURLToPath(new URL('../../runbooks/', import.meta.url));
const fixtures = fileURLToPath(new URL('../fixtures/runbooks/', import.meta.url));

/** Our shipped runbooks, headings numbered per copy, repeated to about `bytes`. */
function longRunbook(bytes: number): string {
  const sources = readdirSync(shipped).filter((n) => n.endsWith('.md')).map((n) => readFileSync(join(shipped, n), 'utf8'));
  let out = '# A long runbook\n\n';
  for (let copy = 0; out.length < bytes; copy++) out += `${sources[copy % sources.length]!.replace(/^(#{1,5}) /gm, (_m, h: string) => `${h}# Part ${copy}: `)}\n\n`;
  return out;
}

test('a runbook read back from its pieces equals the parsed one (every shipped runbook and fixture)', async () => {
  for (const dir of [shipped, fixtures]) {
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.md'))) {
      const parsed = parseRunbook(readFileSync(join(dir, name), 'utf8'), join(dir, name));
      assert.deepEqual(await assembleRunbook(runbookPieces(parsed)), parsed, name);
    }
  }
});

test('a 600 KB runbook travels in pieces of about 32 KB, and reading them yields the thread between pieces', async () => {
  const parsed = parseRunbook(longRunbook(600 * 1024), 'long.md');
  const pieces = runbookPieces(parsed);
  assert.ok(pieces.sections.length >= 16, `${pieces.sections.length} pieces of sections`);
  const longestSection = Math.max(...parsed.sections.map((s) => JSON.stringify(s).length));
  for (const piece of pieces.sections) assert.ok(piece.length < 32 * 1024 + longestSection + 2, `a piece of ${piece.length} characters`);
  // Work queued on the thread meanwhile runs between pieces, not after the whole runbook.
  let turns = 0;
  const tick = () => {
    turns += 1;
    if (!done) setImmediate(tick);
  };
  let done = false;
  setImmediate(tick);
  const back = await assembleRunbook(pieces);
  done = true;
  assert.ok(turns >= pieces.sections.length - 1, `${turns} turns of the event loop for ${pieces.sections.length} pieces`);
  assert.deepEqual(back, parsed);
});
