// Every fixture runbook parses to the model stored beside it. `UPDATE_GOLDEN=1` rewrites the
// golden files (review the diff before committing them).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseRunbook } from '../../src/runbooks/parse.js';

const dir = fileURLToPath(new URL('../fixtures/runbooks/', import.meta.url));
const fixtures = readdirSync(dir).filter((n) => n.endsWith('.md')).sort();

test('the corpus has at least ten fixtures', () => {
  assert.ok(fixtures.length >= 10, `only ${fixtures.length} fixtures`);
});

for (const name of fixtures) {
  test(`golden: ${name}`, () => {
    const runbook = parseRunbook(readFileSync(join(dir, name), 'utf8'), name);
    const actual = JSON.stringify(runbook, null, 2) + '\n';
    const goldenPath = join(dir, name.replace(/\.md$/, '.golden.json'));
    if (process.env.UPDATE_GOLDEN === '1' || !existsSync(goldenPath)) {
      writeFileSync(goldenPath, actual);
      if (process.env.UPDATE_GOLDEN !== '1') assert.fail(`golden file was missing and has been written: ${goldenPath}`);
      return;
    }
    assert.deepEqual(JSON.parse(actual), JSON.parse(readFileSync(goldenPath, 'utf8')));
  });
}
