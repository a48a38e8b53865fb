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
  assert.ok(pieces.pieces.length >= 16, `${pieces.pieces.length} pieces`);
  const longestSection = Math.max(...parsed.sections.map((s) => JSON.stringify(s).length));
  for (const piece of pieces.pieces) assert.ok(piece.items.length < 32 * 1024 + longestSection + 2, `a piece of ${piece.items.length} characters`);
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
  assert.ok(turns >= pieces.pieces.length - 1, `${turns} turns of the event loop for ${pieces.pieces.length} pieces`);
  assert.deepEqual(back, parsed);
});

test('a section, a step, a table or a list of severities too long for one piece is itself sent in pieces: none is much longer than 32 KB', async () => {
  const shapes: Record<string, string> = {
    'a section of 60,000 steps': `# Keys\n\n${Array.from({ length: 60_000 }, (_, i) => `- [ ] Rotate key ${i}`).join('\n')}\n`,
    'a step of 30,000 commands': `# Drain\n\n1. Drain every node\n\n   \`\`\`sh\n${Array.from({ length: 30_000 }, (_, i) => `   # node ${i} first\n   drain node-${i}`).join('\n')}\n   \`\`\`\n`,
    'a severity table of 40,000 rows': `# Levels\n\n| Severity | Response | Description |\n|---|---|---|\n${Array.from({ length: 40_000 }, (_, i) => `| SEV-${i} | ${i} min | level ${i} |`).join('\n')}\n`,
  };
  for (const [shape, markdown] of Object.entries(shapes)) {
    const parsed = parseRunbook(markdown, 'long.md');
    const pieces = runbookPieces(parsed);
    assert.ok(pieces.head.length < 33 * 1024, `${shape}: a head of ${pieces.head.length} characters`);
    assert.ok(pieces.pieces.length > 10, `${shape}: ${pieces.pieces.length} pieces`);
    for (const piece of pieces.pieces) assert.ok(piece.items.length < 33 * 1024, `${shape}: a piece of ${piece.items.length} characters at ${piece.at.join('.')}`);
    assert.deepEqual(await assembleRunbook(pieces), parsed, shape);
  }
});

test("a runbook's tables travel once, with their sections, and come back as the same tables in both places", async () => {
  const parsed = parseRunbook(`# Owners\n\n| service | owner |\n|---|---|\n${Array.from({ length: 5000 }, (_, i) => `| svc-${i} | team-${i} |`).join('\n')}\n\n## Escalation\n\n| After | Contact |\n|---|---|\n| 15 min | lead |\n`, 'owners.md');
  const pieces = runbookPieces(parsed);
  assert.equal(pieces.tablesFromSections, true);
  const sent = pieces.head.length + pieces.pieces.reduce((n, p) => n + p.items.length, 0);
  assert.ok(sent < JSON.stringify(parsed).length * 0.6, `${sent} characters sent for ${JSON.stringify(parsed).length} of runbook`);
  const back = await assembleRunbook(pieces);
  assert.deepEqual(back, parsed);
  assert.equal(back.tables.length, 2);
  assert.equal(back.tables[0], back.sections[0]!.tables[0], 'one table, in its section and in the list');
  assert.equal(back.tables[1], back.sections[1]!.tables[0]);
});
