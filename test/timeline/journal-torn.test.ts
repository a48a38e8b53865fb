// kill -9 in the middle of a write, while another console keeps appending: nothing the killed
// process reported written is lost, and a torn line never merges with the next event (readers
// skip it and say so; `jq` reads every other line).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openIncident } from '../../src/timeline/incidents.js';
import { readJournal } from '../../src/timeline/journal-file.js';
import { waitFor } from '../helpers/wait-for.js';
import { JournalProcess } from './journal-process.js';

const CHILD = fileURLToPath(new URL('./fixtures/append-child.ts', import.meta.url));

/** Starts a child appending 60 KB notes forever; resolves its reported ids once it is killed. */
function crashingWriter(dir: string, id: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, 'crash', dir, id, 'crash', String(60 * 1024)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const exited = new Promise<string | null>((resolve) => child.on('close', (_code, signal) => resolve(signal)));
  return {
    reported: () => stdout.split('\n').filter((line) => /^[\w-]+$/.test(line)),
    kill: async () => {
      child.kill('SIGKILL');
      return { signal: await exited, reported: stdout.split('\n').filter((line) => /^[\w-]+$/.test(line)) };
    },
  };
}

test('kill -9 mid-write beside a running console: reported events kept, torn lines stand alone and are reported', { timeout: 180_000 }, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'warroom-torn-'));
  const incident = openIncident(dir, { title: 'torn', severity: 'P2', operator: 'parent', follow: false });
  incident.close();
  const bo = JournalProcess.start(dir, incident.id, 'bo');
  t.after(() => bo.quit());
  await bo.ask('health');

  const writer = crashingWriter(dir, incident.id);
  await waitFor(() => writer.reported().length >= 50, { timeoutMs: 120_000, what: 'the writer to report 50 appends' });
  const { signal, reported } = await writer.kill();
  assert.equal(signal, 'SIGKILL');
  // What a crash can leave when the kernel did not finish the write (a kill between pages of a
  // large write, a power cut): part of a line. Made certain here rather than left to timing.
  appendFileSync(incident.path, '{"v":1,"id":"half","ts":17,"operator":"crash","kind":"note","data":{"text":"cut');

  assert.ok((await bo.ask<{ id: string | null }>('note after the crash')).id);
  const lines = readFileSync(incident.path, 'utf8').split('\n');
  assert.equal(lines.pop(), '', 'ends with a newline');
  const onDisk = new Set<string>();
  const torn: string[] = [];
  for (const line of lines) {
    try {
      onDisk.add((JSON.parse(line) as { id: string }).id);
    } catch {
      torn.push(line);
    }
  }
  assert.deepEqual(reported.filter((id) => !onDisk.has(id)), [], 'ids the killed process reported written are on disk');
  assert.ok(torn.some((line) => line.endsWith('"text":"cut')), 'the torn line stands alone, not merged with the next event');
  assert.equal((JSON.parse(lines.at(-1)!) as { data: { text: string } }).data.text, 'after the crash');
  assert.equal(readJournal(incident.path, false).warnings.filter((w) => /unreadable line/.test(w)).length, torn.length, 'each torn line is reported by readers');
  await waitFor(async () => (await bo.ask<string[]>('warnings')).some((w) => /unreadable line at byte \d+ skipped/.test(w)), {
    what: 'the running console to report the torn line it read',
  });
});
