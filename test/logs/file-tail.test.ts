import assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, renameSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { FileTail } from '../../src/logs/file-tail.js';
import { collectingReceiver } from './collecting-receiver.js';
import { waitFor } from '../helpers/wait-for.js';

const dir = mkdtempSync(join(tmpdir(), 'warroom-filetail-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function numbered(from: number, to: number, prefix = 'line'): string {
  let text = '';
  for (let i = from; i <= to; i++) text += `${prefix} ${i}\n`;
  return text;
}

test('starts with the last N lines, then follows appends', async () => {
  const path = join(dir, 'history.log');
  writeFileSync(path, numbered(1, 500));
  const got = collectingReceiver();
  const tail = new FileTail({ path, lines: 100, pollMs: 50 }, got.receiver);
  tail.start();
  try {
    await waitFor(() => got.lines.length >= 100, { what: 'history' });
    assert.equal(got.lines[0], 'line 401');
    assert.equal(got.lines[99], 'line 500');
    appendFileSync(path, 'line 501\n');
    await waitFor(() => got.lines.length === 101, { what: 'appended line' });
    assert.equal(got.lines[100], 'line 501');
  } finally {
    await tail.stop();
  }
});

test('a history shorter than N is read whole; a file without final newline holds its last line', async () => {
  const path = join(dir, 'short.log');
  writeFileSync(path, 'a\nb\npartial');
  const got = collectingReceiver();
  const tail = new FileTail({ path, lines: 100, pollMs: 50 }, got.receiver);
  tail.start();
  try {
    await waitFor(() => got.lines.length >= 2, { what: 'history' });
    assert.deepEqual(got.lines, ['a', 'b']);
    appendFileSync(path, ' now complete\n');
    await waitFor(() => got.lines.length === 3, { what: 'completed line' });
    assert.equal(got.lines[2], 'partial now complete');
  } finally {
    await tail.stop();
  }
});

test('a line written in pieces arrives once, whole', async () => {
  const path = join(dir, 'pieces.log');
  writeFileSync(path, '');
  const got = collectingReceiver();
  const tail = new FileTail({ path, lines: 10, pollMs: 30 }, got.receiver);
  tail.start();
  try {
    await waitFor(() => got.states.some((s) => s.state === 'following'), { what: 'following' });
    for (const piece of ['ERROR half', ' of a ', 'line']) {
      appendFileSync(path, piece);
      await new Promise((resolve) => setTimeout(resolve, 80));
    }
    assert.deepEqual(got.lines, []);
    appendFileSync(path, '\n');
    await waitFor(() => got.lines.length === 1, { what: 'the whole line' });
    assert.equal(got.lines[0], 'ERROR half of a line');
  } finally {
    await tail.stop();
  }
});

test('follows rotation by rename: drains the old file, then reads the new one from its start', async () => {
  const path = join(dir, 'rotate.log');
  writeFileSync(path, numbered(1, 3, 'old'));
  const got = collectingReceiver();
  const tail = new FileTail({ path, lines: 100, pollMs: 50 }, got.receiver);
  tail.start();
  try {
    await waitFor(() => got.lines.length === 3, { what: 'history' });
    appendFileSync(path, 'old 4\n');
    renameSync(path, `${path}.1`);
    appendFileSync(`${path}.1`, 'old 5\n');
    writeFileSync(path, numbered(1, 2, 'new'));
    await waitFor(() => got.lines.includes('new 2'), { what: 'the new file' });
    appendFileSync(path, 'new 3\n');
    await waitFor(() => got.lines.includes('new 3'), { what: 'an append to the new file' });
    assert.deepEqual(got.lines, ['old 1', 'old 2', 'old 3', 'old 4', 'old 5', 'new 1', 'new 2', 'new 3']);
  } finally {
    await tail.stop();
  }
});

test('follows copytruncate: a shrunk file is read again from the start', async () => {
  const path = join(dir, 'truncate.log');
  writeFileSync(path, numbered(1, 5));
  const got = collectingReceiver();
  const tail = new FileTail({ path, lines: 100, pollMs: 50 }, got.receiver);
  tail.start();
  try {
    await waitFor(() => got.lines.length === 5, { what: 'history' });
    truncateSync(path, 0);
    await new Promise((resolve) => setTimeout(resolve, 200));
    appendFileSync(path, 'after truncate\n');
    await waitFor(() => got.lines.includes('after truncate'), { what: 'the line after truncation' });
    assert.equal(got.lines.length, 6);
  } finally {
    await tail.stop();
  }
});

test('waits for a file that does not exist yet, then reads it from the start', async () => {
  const path = join(dir, 'late', 'created-later.log');
  const got = collectingReceiver();
  const tail = new FileTail({ path, lines: 1, pollMs: 50 }, got.receiver);
  tail.start();
  try {
    await waitFor(() => got.states.some((s) => s.state === 'waiting'), { what: 'waiting state' });
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(dir, 'late'));
    writeFileSync(path, 'first\nsecond\n');
    await waitFor(() => got.lines.length === 2, { what: 'lines of the late file' });
    assert.deepEqual(got.lines, ['first', 'second']);
  } finally {
    await tail.stop();
  }
});

test('stop releases the file and no more lines arrive', async () => {
  const path = join(dir, 'stop.log');
  writeFileSync(path, 'one\n');
  const got = collectingReceiver();
  const tail = new FileTail({ path, lines: 10, pollMs: 30 }, got.receiver);
  tail.start();
  await waitFor(() => got.lines.length === 1, { what: 'history' });
  await tail.stop();
  appendFileSync(path, 'two\n');
  await new Promise((resolve) => setTimeout(resolve, 150));
  assert.deepEqual(got.lines, ['one']);
  assert.equal(got.states.at(-1)?.state, 'stopped');
});

test('an unreadable path is reported once, not on every poll; a file later put there is followed', async () => {
  const path = join(dir, 'a-directory');
  const { mkdirSync } = await import('node:fs');
  mkdirSync(path);
  const got = collectingReceiver();
  const tail = new FileTail({ path, lines: 10, pollMs: 20 }, got.receiver);
  tail.start();
  try {
    await waitFor(() => got.errors.length > 0, { what: 'the error' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(got.errors.length, 1, got.errors.join('\n'));
    assert.match(got.errors[0], /EISDIR|directory/);
    rmSync(path, { recursive: true });
    writeFileSync(path, 'now a file\n');
    await waitFor(() => got.lines.length === 1, { what: 'the line of the file' });
    assert.deepEqual(got.lines, ['now a file']);
  } finally {
    await tail.stop();
  }
});

test('a device or a named pipe is refused with a clear message, not read forever or waited on', async () => {
  const { execFileSync } = await import('node:child_process');
  const fifo = join(dir, 'a-pipe');
  execFileSync('mkfifo', [fifo]);
  for (const [path, what] of [['/dev/zero', 'a character device'], [fifo, 'a named pipe']] as const) {
    const got = collectingReceiver();
    let bytes = 0;
    const counting = { ...got.receiver, bytes: (chunk: Buffer) => (bytes += chunk.length) };
    const tail = new FileTail({ path, lines: 10, pollMs: 20 }, counting);
    tail.start();
    try {
      await waitFor(() => got.errors.length > 0, { what: `the error for ${path}` });
      await new Promise((resolve) => setTimeout(resolve, 200));
      assert.equal(got.errors.length, 1, got.errors.join('\n'));
      assert.match(got.errors[0]!, new RegExp(`^${path}: ${what}, not a file .*command: cat PATH`));
      // /dev/zero was read at full speed (gigabytes of NULs); a FIFO's open held a file thread.
      assert.equal(bytes, 0);
    } finally {
      await tail.stop();
    }
  }
});
