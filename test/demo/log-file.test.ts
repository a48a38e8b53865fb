import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { RotatingLogFile } from '../../src/demo/log-file.js';

test('appends lines in order and rotates to .1 past its size', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'warroom-demo-log-'));
  try {
    const path = join(dir, 'svc.log');
    const log = new RotatingLogFile(path, 100);
    for (let i = 0; i < 32; i++) log.append([`line ${String(i).padStart(2, '0')} ${'x'.repeat(10)}`]);
    await log.close();
    const rotated = (await readFile(`${path}.1`, 'utf8')).split('\n').filter(Boolean);
    const current = (await readFile(path, 'utf8')).split('\n').filter(Boolean);
    assert.ok(rotated.length > 0 && current.length > 0);
    // Everything after the last rotation is in the live file, in order, nothing torn.
    const last = [...rotated, ...current].map((line) => Number(line.split(' ')[1]));
    assert.deepEqual(last, [...last].sort((a, b) => a - b));
    assert.equal(current.at(-1), `line 31 ${'x'.repeat(10)}`);
    for (const line of [...rotated, ...current]) assert.match(line, /^line \d\d x{10}$/);
    assert.equal(log.lastError, undefined);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('a file that cannot be opened is reported, not thrown', async () => {
  const log = new RotatingLogFile(join(tmpdir(), 'no-such-dir-for-warroom', 'x.log'));
  log.append(['hello']);
  await log.close();
  assert.equal((log.lastError as NodeJS.ErrnoException | undefined)?.code, 'ENOENT');
});
