import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { ctlArgv, demoRunbookPath, packageRoot, shellWord } from '../../src/demo/locations.js';

test('finds the package root, the shipped runbook and the compiled ctl path', () => {
  assert.ok(existsSync(join(packageRoot(), 'package.json')));
  assert.ok(existsSync(demoRunbookPath()));
});

test('runs ctl from source through tsx, by absolute paths', () => {
  const argv = ctlArgv();
  assert.equal(argv[0], process.execPath);
  assert.equal(argv[1], '--import');
  assert.ok(existsSync(fileURLToPath(argv[2]!)), argv[2]);
  assert.match(argv[3]!, /src\/demo\/ctl\.ts$/);
  assert.ok(existsSync(argv[3]!));
});

const words = [
  ['/usr/bin/node', '/usr/bin/node'],
  ['http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
  ['/tmp/with space/x', `'/tmp/with space/x'`],
  [`it's`, `'it'\\''s'`],
  ['$HOME', `'$HOME'`],
] as const;
for (const [word, quoted] of words) {
  test(`quotes ${JSON.stringify(word)} for the shell`, () => assert.equal(shellWord(word), quoted));
}
