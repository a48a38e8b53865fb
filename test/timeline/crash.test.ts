import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openIncident, resumeIncident } from '../../src/timeline/incidents.js';

const CHILD = fileURLToPath(new URL('./fixtures/append-child.ts', import.meta.url));

interface Pair {
  name: string;
  count: number;
  seenOthers: number;
}

function runChild(args: string[]): { done: Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }>; kill: () => void; stdout: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }>((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { done, kill: () => child.kill('SIGKILL'), stdout: () => stdout };
}

async function until(condition: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

test('kill -9 while appending loses no event that record() reported written', { timeout: 300_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'warroom-crash-'));
  const incident = openIncident(dir, { title: 'crash test', severity: 'P2', operator: 'parent', follow: false });
  incident.close();
  const child = runChild(['crash', dir, incident.id]);
  await until(() => child.stdout().split('\n').length > 500, 'the child to report 500 appends', 240_000);
  child.kill();
  const result = await child.done;
  assert.equal(result.signal, 'SIGKILL');
  const reported = result.stdout.split('\n').filter((line) => /^[\w-]+$/.test(line));
  assert.ok(reported.length >= 500, `only ${reported.length} ids reported`);

  // Simulate the worst a crash can leave on top: a half-written line.
  appendFileSync(incident.path, '{"v":1,"id":"half","ts":17');
  const resumed = resumeIncident(dir, incident.id, { operator: 'parent', follow: false });
  const onDisk = new Set(resumed.events().map((e) => e.id));
  const missing = reported.filter((id) => !onDisk.has(id));
  assert.deepEqual(missing, [], 'reported ids missing from the journal');
  assert.match(resumed.warnings.join('\n'), /torn last line .* moved to journal\.jsonl\.corrupt/);
  assert.ok(readFileSync(`${incident.path}.corrupt`, 'utf8').includes('"id":"half"'));
  for (const line of readFileSync(incident.path, 'utf8').trimEnd().split('\n')) JSON.parse(line);
  resumed.close();
});

test('two processes appending 10,000 events each: no torn or lost line, each sees the other', { timeout: 600_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'warroom-pair-'));
  const incident = openIncident(dir, { title: 'pair test', severity: 'P2', operator: 'parent', follow: false });
  incident.close();
  const count = 10_000;
  const a = runChild(['pair', dir, incident.id, 'writer-a', String(count)]);
  const b = runChild(['pair', dir, incident.id, 'writer-b', String(count)]);
  const results = await Promise.all([a.done, b.done]);
  for (const r of results) assert.equal(r.code, 0, r.stderr);
  const figures = results.map((r) => JSON.parse(r.stdout.trim()) as Pair);
  for (const f of figures) assert.equal(f.seenOthers, count, `${f.name} saw ${f.seenOthers} of the other's events`);

  const text = readFileSync(incident.path, 'utf8');
  assert.ok(text.endsWith('\n'), 'journal ends with a newline');
  // A writer that sees the other's line unfinished for longer than the settle time (descheduled
  // between two pages of one write, on a loaded machine) starts its own on a new line: an empty
  // line, which readers skip. Every other line is one whole event.
  const lines = text.split('\n').filter((line) => line !== '');
  assert.equal(lines.length, 1 + 2 * count);
  const seen = new Set<string>();
  for (const line of lines) {
    const event = JSON.parse(line) as { kind: string; data: { writer?: string; seq?: number } };
    if (event.kind !== 'note') continue;
    const key = `${event.data.writer}/${event.data.seq}`;
    assert.ok(!seen.has(key), `duplicate ${key}`);
    seen.add(key);
  }
  for (const writer of ['writer-a', 'writer-b']) {
    for (let seq = 0; seq < count; seq += 1) assert.ok(seen.has(`${writer}/${seq}`), `lost ${writer}/${seq}`);
  }
});
