// The ASCII kernel is a fast path of the neutraliser: on every block it takes it must give what
// neutraliseBlock gives, and it must refuse every block that holds anything it does not handle.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import wabtInit from 'wabt';
import { ASCII_BLOCK_WASM, neutraliseAsciiBlock } from '../../src/text/ascii-block.js';
import { neutraliseBlock } from '../../src/text/neutralise.js';

/** Pieces of log text at the kernel's edges: colour of every length, other escapes, controls, UTF-8, bad bytes. */
const pieces: Array<string | number[]> = [
  'GET /api 200', ' ', 'level=info', '{"a":1}', '~', '\n', '\n', '\n',
  '\x1b[31m', '\x1b[0m', '\x1b[m', '\x1b[1;38;5;208m', '\x1b[38:2:1:2:3m', `\x1b[${'1'.repeat(60)}m`, `\x1b[${'1'.repeat(61)}m`,
  '\x1b[2J', '\x1b]0;title\x07', '\x1b', '\x1b[', '\x1b[31', '\x1b[31x', '\x1bm',
  '\t', '\r', '\r\n', '\x00', '\x07', '\x7f', '\x1f',
  'é', '日本', '🙂', '\u202e', [0xff], [0x9b, 0x32, 0x4a], [0xc3], [0xe6, 0x97],
];
const block = fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 8 })), { maxLength: 40 }).map((parts) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p)))),
);
const COLOUR = /\x1b\[[0-9;:]{0,60}m/g;

test('the kernel gives what neutraliseBlock gives, and takes exactly the blocks of printable ASCII, LF and colour', () => {
  let taken = 0;
  fc.assert(
    fc.property(block, (bytes) => {
      const fast = neutraliseAsciiBlock(bytes);
      const handled = !/[^\n\x20-\x7e]/.test(bytes.toString('latin1').replace(COLOUR, ''));
      assert.equal(fast !== null, handled, JSON.stringify(bytes.toString('latin1')));
      if (fast !== null) {
        taken++;
        assert.equal(fast, neutraliseBlock(bytes.toString('utf8')));
      }
    }),
    { numRuns: 5000 },
  );
  assert.ok(taken > 500, `the kernel took only ${taken} of 5000 blocks: the property says little about it`);
});

test('the kernel at its boundaries: colour at either end, 60 parameters but not 61, 16-byte runs', () => {
  assert.equal(neutraliseAsciiBlock(Buffer.from('\x1b[31mx\x1b[0m\n')), 'x\n');
  assert.equal(neutraliseAsciiBlock(Buffer.from(`a\x1b[${'9'.repeat(60)}mb\n`)), 'ab\n');
  assert.equal(neutraliseAsciiBlock(Buffer.from(`a\x1b[${'9'.repeat(61)}mb\n`)), null);
  assert.equal(neutraliseAsciiBlock(Buffer.from('')), '');
  // A refused byte at every position of a 16-byte vector and of the scalar tail.
  for (let at = 0; at < 40; at++) {
    const bytes = Buffer.from('x'.repeat(40) + '\n');
    bytes[at] = 0x07;
    assert.equal(neutraliseAsciiBlock(bytes), null, `BEL at ${at}`);
    bytes[at] = 0xc3;
    assert.equal(neutraliseAsciiBlock(bytes), null, `non-ASCII at ${at}`);
  }
  assert.equal(neutraliseAsciiBlock(Buffer.alloc(70 * 1024, 0x61)), null, 'longer than the kernel memory');
});

test('the kernel bytes are ascii-block.wat as compiled (npm run build:wasm)', async () => {
  const wabt = await wabtInit();
  const source = readFileSync(new URL('../../src/text/ascii-block.wat', import.meta.url), 'utf8');
  const module = wabt.parseWat('ascii-block.wat', source, { simd: true, bulk_memory: true });
  module.validate();
  assert.equal(Buffer.from(module.toBinary({}).buffer).toString('base64'), ASCII_BLOCK_WASM);
  module.destroy();
});

test('where Node runs no WebAssembly (node --jitless) the splitter still neutralises, the general way', () => {
  const dir = mkdtempSync(join(tmpdir(), 'warroom-jitless-'));
  const script = join(dir, 'split.mts');
  const source = (name: string) => new URL(`../../src/text/${name}`, import.meta.url).href;
  writeFileSync(script, [
    `import { LineSplitter } from '${source('line-splitter.ts')}';`,
    `import { neutraliseAsciiBlock } from '${source('ascii-block.ts')}';`,
    'const lines = [];',
    'new LineSplitter((line) => lines.push(line)).push(Buffer.from("a \\x1b[31mred\\x1b[0m\\n\\x1b[2Jb\\n"));',
    'console.log(JSON.stringify({ lines, kernel: neutraliseAsciiBlock(Buffer.from("x\\n")) }));',
  ].join('\n'));
  try {
    const run = spawnSync(process.execPath, ['--jitless', '--import', 'tsx', script], { encoding: 'utf8', cwd: new URL('../..', import.meta.url) });
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), { lines: ['a red', '␛[2Jb'], kernel: null });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
