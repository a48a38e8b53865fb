import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runLocal, streamLocal } from '../../src/exec/local.js';
import { pidsWithMarker } from './process-probe.js';
import { waitFor } from '../helpers/wait-for.js';

function tempFile(t: { after: (fn: () => void) => void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'warroom-exec-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'app.log');
  writeFileSync(file, 'first\n');
  return file;
}

test('runs a plain command without a shell', async () => {
  const result = await runLocal('echo hello world');
  assert.equal(result.exitCode, 0);
  assert.equal(result.stdout, 'hello world\n');
  assert.equal(result.error, undefined);
  assert.equal(result.timedOut, false);
});

test('runs shell syntax through /bin/sh and reports exit codes', async () => {
  const piped = await runLocal('echo abc | tr a-c x-z');
  assert.equal(piped.stdout, 'xyz\n');
  const failed = await runLocal('echo oops >&2; exit 3');
  assert.equal(failed.exitCode, 3);
  assert.equal(failed.stderr, 'oops\n');
});

test('reports a signal that ended the command', async () => {
  const result = await runLocal('kill -TERM $$');
  assert.equal(result.exitCode, null);
  assert.equal(result.signal, 'SIGTERM');
});

test('a missing program is a plain message', async () => {
  const result = await runLocal('no-such-program-warroom --flag');
  assert.equal(result.exitCode, null);
  assert.equal(result.error, 'command not found: no-such-program-warroom');
});

test('onLine gets whole lines, CR stripped, the last partial line flushed', async () => {
  const lines: Array<[string, string]> = [];
  await runLocal("printf 'a\\nb\\r\\n'; printf 'err\\n' >&2; printf partial", {
    onLine: (line, stream) => lines.push([stream, line]),
  });
  assert.deepEqual(
    lines.filter(([s]) => s === 'stdout').map(([, l]) => l),
    ['a', 'b', 'partial'],
  );
  assert.deepEqual(lines.filter(([s]) => s === 'stderr').map(([, l]) => l), ['err']);
});

test('a timeout kills the whole process group (no orphaned tail -f)', async (t) => {
  const file = tempFile(t);
  const result = await runLocal(`sh -c 'tail -f ${file}'`, { timeoutMs: 1500 });
  assert.equal(result.timedOut, true);
  assert.equal(result.error, 'timed out after 1.5s');
  assert.match(result.stdout, /first/);
  await waitFor(() => pidsWithMarker(file).length === 0, { timeoutMs: 10_000, what: 'tail to be gone' });
});

test('an AbortSignal cancels the command and its children', async (t) => {
  const file = tempFile(t);
  const controller = new AbortController();
  const running = runLocal(`sh -c 'tail -f ${file} | cat'`, { signal: controller.signal, timeoutMs: 60_000 });
  await waitFor(() => pidsWithMarker(`tail -f ${file}`).length > 0, { timeoutMs: 10_000, what: 'tail to start' });
  const tailPid = pidsWithMarker(`tail -f ${file}`)[0]!;
  controller.abort();
  const result = await running;
  assert.equal(result.cancelled, true);
  assert.equal(result.error, 'cancelled');
  await waitFor(() => pidsWithMarker(file).length === 0, { timeoutMs: 10_000, what: 'tail to be gone' });
  assert.throws(() => process.kill(tailPid, 0));
});

test('an already aborted signal never starts the command', async () => {
  const result = await runLocal('echo never', { signal: AbortSignal.abort() });
  assert.equal(result.cancelled, true);
  assert.equal(result.stdout, '');
});

test('huge output is bounded: head and tail kept, the rest counted', async () => {
  const total = 200_000_000;
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const result = await runLocal(`yes | head -c ${total}`, { maxOutputBytes: 1024 * 1024, timeoutMs: 120_000 });
  clearInterval(sampler);
  assert.equal(result.exitCode, 0);
  assert.equal(result.droppedBytes, total - 1024 * 1024);
  assert.ok(result.stdout.length < 1024 * 1024 + 100, `kept ${result.stdout.length} chars`);
  assert.match(result.stdout, /^y\ny\n/);
  assert.match(result.stdout, /bytes dropped/);
  // Unbounded capture would hold 200 MB of buffers; bounded stays far below.
  assert.ok(peak - baseline < 150 * 1024 * 1024, `rss grew by ${Math.round((peak - baseline) / 1e6)} MB`);
});

test('a stream delivers appended lines and stop() leaves no process', async (t) => {
  const file = tempFile(t);
  const lines: string[] = [];
  let exited = false;
  const handle = streamLocal(`tail -n 0 -F ${file}`, { onLine: (line) => lines.push(line), onExit: () => (exited = true) });
  await waitFor(() => pidsWithMarker(file).length > 0, { timeoutMs: 10_000, what: 'tail to start' });
  // tail -F may not be watching yet when its process appears: append until a line shows.
  await waitFor(
    () => {
      appendFileSync(file, 'tick\n');
      return lines.includes('tick');
    },
    { what: 'a streamed line' },
  );
  await handle.stop();
  await waitFor(() => pidsWithMarker(file).length === 0, { timeoutMs: 10_000, what: 'tail to be gone' });
  assert.equal(exited, false, 'onExit is not called for a stream stopped on purpose');
});

test('a stream that ends by itself reports its exit', async () => {
  const lines: string[] = [];
  const exit = await new Promise<{ exitCode: number | null }>((resolve) => {
    streamLocal('printf "one\\ntwo"; exit 4', { onLine: (line) => lines.push(line), onExit: resolve });
  });
  assert.equal(exit.exitCode, 4);
  assert.deepEqual(lines, ['one', 'two']);
});

test('a stream of a missing program reports it through onExit', async () => {
  const exit = await new Promise<{ error?: string }>((resolve) => {
    streamLocal('no-such-program-warroom -f x', { onLine: () => undefined, onExit: resolve });
  });
  assert.equal(exit.error, 'command not found: no-such-program-warroom');
});
