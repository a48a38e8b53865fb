import assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { LogSourceConfig } from '../../src/config/types.js';
import { MemoryRecorder } from '../helpers/memory-recorder.js';
import { LogHub, type LogsFlush } from '../../src/logs/hub.js';
import { Level } from '../../src/logs/level.js';
import { LineFlag } from '../../src/logs/ring-buffer.js';
import { localExecutor } from './local-executor.js';
import { waitFor } from '../helpers/wait-for.js';

const dir = mkdtempSync(join(tmpdir(), 'warroom-hub-'));
const executor = localExecutor();
after(async () => {
  await executor.close();
  rmSync(dir, { recursive: true, force: true });
});

function fileSource(tag: string, path: string): LogSourceConfig {
  return { kind: 'file', tag, service: tag, path, lines: 100 };
}

test('merges a file and a command, batching many lines into few store commits', async () => {
  const path = join(dir, 'api.log');
  writeFileSync(path, '');
  const flushes: LogsFlush[] = [];
  const recorder = new MemoryRecorder();
  const hub = new LogHub({
    settings: { buffer: 1000, errorRateNote: 1_000_000 },
    recorder,
    executor,
    sink: { logsFlushed: (flush) => flushes.push(flush) },
    pollMs: 50,
  });
  hub.addSource(fileSource('api', path));
  hub.addSource({ kind: 'command', tag: 'worker', service: 'worker', command: 'echo "WARN from worker"; echo boom >&2; sleep 30' });
  hub.start();
  try {
    await waitFor(() => flushes.at(-1)?.sources[1].state === 'following', { what: 'the command to run' });
    await waitFor(() => (flushes.at(-1)?.sourceErrors.length ?? 0) === 1, { what: 'the stderr line' });
    const ring = flushes.at(-1)!.ring;
    const stderrLines = [];
    for (let seq = ring.oldest; seq < ring.total; seq++) if (ring.flags(seq) & LineFlag.stderr) stderrLines.push(ring.text(seq));
    assert.deepEqual(stderrLines, ['boom']);
    let text = '';
    for (let i = 0; i < 5000; i++) text += `ERROR request ${i} failed\n`;
    appendFileSync(path, text);
    await waitFor(() => (flushes.at(-1)?.sources[0].errorsTotal ?? 0) === 5000, { what: 'all file lines counted' });
    const last = flushes.at(-1)!;
    assert.ok(flushes.length < 200, `expected batched flushes, got ${flushes.length}`);
    assert.equal(last.sources[1].warnsTotal, 1);
    assert.equal(last.sources[0].errorsLastMinute, 5000);
    assert.ok(last.sourceErrors.some((e) => e.source === 'worker' && e.text === 'boom'));
    assert.equal(last.ring.size, 1000, 'the ring stays at its bound');
  } finally {
    await hub.stop();
  }
});

test('records one error-rate note per episode, and marks evidence', async () => {
  const path = join(dir, 'rate.log');
  writeFileSync(path, '');
  const recorder = new MemoryRecorder();
  let latest: LogsFlush | null = null;
  const hub = new LogHub({
    settings: { buffer: 100, errorRateNote: 30 },
    recorder,
    sink: { logsFlushed: (flush) => (latest = flush) },
    pollMs: 50,
  });
  hub.addSource(fileSource('payments', path));
  hub.start();
  try {
    await waitFor(() => latest?.sources[0].state === 'following', { what: 'following' });
    for (let burst = 0; burst < 3; burst++) {
      appendFileSync(path, 'FATAL db gone\n'.repeat(20));
      await waitFor(() => latest!.sources[0].errorsTotal === 20 * (burst + 1), { what: `burst ${burst}` });
    }
    assert.equal(recorder.ofKind('log.error-rate').length, 1);
    assert.equal(recorder.ofKind('log.error-rate')[0].data.source, 'payments');
    assert.equal(latest!.sources[0].errorEpisode, true);
    const seq = latest!.ring.newest;
    assert.equal(latest!.ring.level(seq), Level.fatal);
    assert.equal(hub.markEvidence(seq), true);
    const evidence = recorder.ofKind('log.evidence');
    assert.equal(evidence.length, 1);
    assert.deepEqual([evidence[0].data.source, evidence[0].data.level, evidence[0].data.text], ['payments', 'fatal', 'FATAL db gone']);
    assert.equal(hub.markEvidence(seq - 1000), false);
  } finally {
    await hub.stop();
  }
});

test('last-minute counts decay without new lines (refreshed each second)', async () => {
  const path = join(dir, 'decay.log');
  writeFileSync(path, '');
  let latest: LogsFlush | null = null;
  const hub = new LogHub({
    settings: { buffer: 100, errorRateNote: 5 },
    recorder: new MemoryRecorder(),
    sink: { logsFlushed: (flush) => (latest = flush) },
    pollMs: 50,
  });
  let clock = Date.now();
  hub.ingest.now = () => clock;
  hub.addSource(fileSource('api', path));
  hub.start();
  try {
    await waitFor(() => latest?.sources[0].state === 'following', { what: 'following' });
    appendFileSync(path, 'ERROR a\n'.repeat(10));
    await waitFor(() => latest!.sources[0].errorsLastMinute === 10 && latest!.sources[0].errorEpisode, { what: 'the burst counted' });
    clock += 120_000;
    await waitFor(() => latest!.sources[0].errorsLastMinute === 0 && !latest!.sources[0].errorEpisode, { what: 'the counts to decay' });
    assert.equal(latest!.sources[0].errorsTotal, 10);
    // Idle now: no more store commits (they would only cost frames).
    const before = latest;
    await new Promise((resolve) => setTimeout(resolve, 2500));
    assert.equal(latest, before);
  } finally {
    await hub.stop();
  }
});
