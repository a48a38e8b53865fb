import assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { CommandSource, remoteTailCommand, shellQuote } from '../../src/logs/command-source.js';
import { collectingReceiver } from './collecting-receiver.js';
import { localExecutor } from './local-executor.js';
import { waitFor } from '../helpers/wait-for.js';

const dir = mkdtempSync(join(tmpdir(), 'warroom-cmdsource-'));
const executor = localExecutor();
after(async () => {
  await executor.close();
  rmSync(dir, { recursive: true, force: true });
});

test('streams stdout lines and marks stderr lines as source errors', async () => {
  const got = collectingReceiver();
  const source = new CommandSource(executor, { command: 'echo INFO up; echo "oops" >&2; echo ERROR down; sleep 30' }, got.receiver);
  source.start();
  try {
    await waitFor(() => got.lines.length === 2 && got.errors.length === 1, { what: 'output' });
    assert.deepEqual(got.lines, ['INFO up', 'ERROR down']);
    assert.deepEqual(got.errors, ['oops']);
  } finally {
    await source.stop();
  }
});

test('a command that exits is restarted with growing backoff, and the exit is a source error', async () => {
  const got = collectingReceiver();
  const source = new CommandSource(executor, { command: 'echo tick; exit 3', backoffMs: 50, maxBackoffMs: 200 }, got.receiver);
  source.start();
  try {
    await waitFor(() => source.starts >= 4, { what: 'three restarts' });
    assert.ok(got.lines.filter((l) => l === 'tick').length >= 3);
    assert.ok(got.errors.some((e) => e.includes('exited with code 3')), got.errors.join('\n'));
    const waits = got.states.filter((s) => s.state === 'restarting').map((s) => s.detail);
    assert.ok(waits.length >= 3);
  } finally {
    await source.stop();
  }
  const starts = source.starts;
  await new Promise((resolve) => setTimeout(resolve, 400));
  assert.equal(source.starts, starts, 'no restart after stop');
});

test('a local file can be followed with the remote tail command too (same command as over SSH)', async () => {
  const path = join(dir, "app's log.log");
  writeFileSync(path, 'h1\nh2\nh3\n');
  const got = collectingReceiver();
  const source = new CommandSource(executor, { command: remoteTailCommand(path, 2) }, got.receiver);
  source.start();
  try {
    await waitFor(() => got.lines.length === 2, { what: 'history' });
    assert.deepEqual(got.lines, ['h2', 'h3']);
    appendFileSync(path, 'WARN later\n');
    await waitFor(() => got.lines.length === 3, { what: 'followed line' });
    assert.equal(got.lines[2], 'WARN later');
  } finally {
    await source.stop();
  }
});

test('shell quoting of paths', () => {
  assert.equal(shellQuote('/var/log/app.log'), '/var/log/app.log');
  assert.equal(shellQuote("it's here"), `'it'\\''s here'`);
  assert.equal(remoteTailCommand('/x y', 50), `tail -n 50 -F -- '/x y'`);
});
