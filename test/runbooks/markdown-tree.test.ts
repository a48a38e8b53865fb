// A long runbook is read in pieces (markdown-tree.ts) and must come out exactly as read whole:
// same nodes, same line numbers and offsets. Pieces are made tiny here so a cut is tried before
// every heading, including the ones a simple scan misjudges (inside a fence in a list item, an
// HTML comment or block, a fence of tildes holding backticks).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { markdownTree } from '../../src/runbooks/markdown-tree.js';

const whole = (text: string) => fromMarkdown(text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
const inPieces = (text: string) => markdownTree(text, 1, 0);

const root = fileURLToPath(new URL('../../', import.meta.url));
const ours = [
  ...readdirSync(join(root, 'runbooks')).map((n) => join(root, 'runbooks', n)),
  ...readdirSync(join(root, 'test/fixtures/runbooks')).filter((n) => n.endsWith('.md')).map((n) => join(root, 'test/fixtures/runbooks', n)),
].map((file) => readFileSync(file, 'utf8'));

/** Places where a cut before a heading would change the document. */
const TRAPS = [
  '```bash\n# inside a fence\n\n# still inside\necho hi\n```\n',
  '1. A step\n   ```bash\n\n# col-0 comment: ends the item, so a heading\n   echo x\n   ```\n\n## After\n',
  '<!--\n\n# commented out\n\n-->\n',
  '<div>\n# inside the HTML block\n</div>\n',
  '~~~\n```\n\n# still in the tilde fence\n```\n~~~\n',
  '> quoted\n\n# heading after a quote\n',
  '- [ ] task\n\n# heading after a list\n- next\n',
  '| a | b |\n|---|---|\n| 1 | 2 |\n\n# heading after a table\n',
  '```\nnever closed\n\n# in the open fence\n',
  'Paragraph\n\n#\n\n#no space\n\n###### deep\n',
  '\r\n# CRLF heading\r\n\r\ntext\r\n',
];

test('a long runbook read in pieces is the same tree, lines and offsets, as read whole', () => {
  const text = ours.join('\n\n');
  assert.deepEqual(inPieces(text).children, whole(text).children);
  // Without tiny pieces: the default sizes on text long enough to be cut.
  const long = Array.from({ length: 3 }, () => text).join('\n\n');
  assert.deepEqual(markdownTree(long).children, whole(long).children);
});

test('every trap for a cut before a heading reads as it does whole, alone and in any order', () => {
  for (const trap of TRAPS) assert.deepEqual(inPieces(`# Top\n\n${trap}\n\n## Next\n\ntext\n`).children, whole(`# Top\n\n${trap}\n\n## Next\n\ntext\n`).children, trap);
  fc.assert(
    fc.property(fc.array(fc.oneof(fc.constantFrom(...TRAPS), fc.constantFrom(...ours.map((o) => o.slice(0, 400)))), { minLength: 1, maxLength: 12 }), fc.constantFrom('\n', '\n\n', ''), (parts, glue) => {
      const text = parts.join(glue);
      assert.deepEqual(inPieces(text).children, whole(text).children);
    }),
    { numRuns: 100 },
  );
});

test('link definitions serve the whole document: a runbook holding one is read whole', () => {
  const text = `# Top\n\nSee [the dashboard].\n\n## Later\n\n[the dashboard]: https://grafana.example.test/d/1\n`;
  assert.deepEqual(inPieces(text).children, whole(text).children);
  assert.ok(JSON.stringify(inPieces(text)).includes('"linkReference"'), 'the reference is a link');
});
