import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createExecutor } from '../../src/exec/index.js';
import { pidsWithMarker } from './process-probe.js';
import { waitFor } from '../helpers/wait-for.js';

test('close() cancels runs in flight and stops streams, leaving no process', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'warroom-close-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'app.log');
  writeFileSync(file, '');
  const executor = createExecutor({ hosts: {} });
  const running = executor.run(`sh -c 'sleep 60; echo ${file}'`, { timeoutMs: 120_000 });
  const lines: string[] = [];
  executor.stream(`tail -F ${file}`, { onLine: (line) => lines.push(line) });
  await waitFor(() => pidsWithMarker(file).length >= 2, { what: 'both commands to start' });
  await executor.close();
  const result = await running;
  assert.equal(result.cancelled, true);
  await waitFor(() => pidsWithMarker(file).length === 0, { timeoutMs: 10_000, what: 'every process to be gone' });
  const after = await executor.run('echo late');
  assert.equal(after.error, 'not run: warroom is shutting down');
});

test('many concurrent runs do not pile listeners onto one shared signal of ours', async (t) => {
  const warnings: string[] = [];
  const onWarning = (warning: Error) => warnings.push(warning.name);
  process.on('warning', onWarning);
  t.after(() => process.off('warning', onWarning));
  const executor = createExecutor({ hosts: {} });
  const results = await Promise.all(Array.from({ length: 40 }, (_, i) => executor.run(`echo ${i}`)));
  assert.equal(results.filter((r) => r.exitCode === 0).length, 40);
  await executor.close();
  // Warnings are emitted on the next tick.
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(warnings.filter((name) => name === 'MaxListenersExceededWarning'), []);
});
