import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ErrorRateWatcher } from '../../src/logs/error-rate.js';
import { cutMarker, LogIngest } from '../../src/logs/ingest.js';
import { Level } from '../../src/logs/level.js';
import { LevelCounts } from '../../src/logs/level-counts.js';
import { LogRingBuffer } from '../../src/logs/ring-buffer.js';
import { MemoryRecorder } from '../helpers/memory-recorder.js';

test('the ring keeps only the last N lines, addressed by sequence number', () => {
  const ring = new LogRingBuffer(5);
  for (let i = 0; i < 12; i++) ring.push(i % 2, Level.info, 1000 + i, `line ${i}`);
  assert.equal(ring.total, 12);
  assert.equal(ring.size, 5);
  assert.equal(ring.oldest, 7);
  assert.equal(ring.newest, 11);
  assert.equal(ring.has(6), false);
  assert.equal(ring.text(7), 'line 7');
  assert.equal(ring.text(11), 'line 11');
  assert.deepEqual(ring.line(10), { seq: 10, source: 0, level: Level.info, time: 1010, flags: 0, text: 'line 10' });
});

test('the ring rejects a nonsense capacity', () => {
  assert.throws(() => new LogRingBuffer(0));
});

test('counts per source and level, in total and over the last minute', () => {
  const counts = new LevelCounts();
  counts.ensure(1);
  const t0 = 1_700_000_000_000;
  counts.add(0, Level.error, t0);
  counts.add(0, Level.error, t0 + 30_000);
  counts.add(1, Level.warn, t0 + 30_000);
  assert.equal(counts.lastMinute(0, Level.error, t0 + 30_000), 2);
  assert.equal(counts.lastMinute(0, Level.error, t0 + 70_000), 1);
  assert.equal(counts.lastMinute(0, Level.error, t0 + 200_000), 0);
  assert.equal(counts.tally(0, t0 + 200_000).total[Level.error], 2);
  assert.equal(counts.tally(1, t0 + 31_000).lastMinute[Level.warn], 1);
});

test('the error-rate watcher notes an episode once, and again only after it ended', () => {
  const recorder = new MemoryRecorder();
  const counts = new LevelCounts();
  counts.ensure(0);
  const watcher = new ErrorRateWatcher(recorder, 10);
  let now = 1_700_000_000_000;
  for (let i = 0; i < 25; i++) {
    counts.add(0, Level.error, now);
    watcher.check(counts, ['api'], now);
  }
  assert.equal(recorder.events.length, 1);
  assert.equal(recorder.events[0].kind, 'log.error-rate');
  assert.equal(recorder.events[0].data.source, 'api');
  now += 120_000; // quiet for two minutes: the episode ends
  watcher.check(counts, ['api'], now);
  assert.equal(watcher.active(0), false);
  for (let i = 0; i < 10; i++) counts.add(0, Level.fatal, now);
  watcher.check(counts, ['api'], now);
  assert.equal(recorder.events.length, 2);
});

test('ingest cuts, neutralises, classifies and counts', () => {
  const ingest = new LogIngest(100, 50);
  ingest.addSource(0);
  ingest.acceptLine(0, `ERROR \x1b[2J${'z'.repeat(100)}`);
  ingest.acceptLine(0, 'WARN auth failed');
  const first = ingest.ring.line(0);
  assert.equal(first.level, Level.error);
  assert.ok(first.text.startsWith('ERROR ␛[2Jzzz'));
  assert.ok(first.text.endsWith(cutMarker(60)));
  assert.equal(ingest.counts.tally(0, Date.now()).total[Level.warn], 1);
});

test('lines get the arrival time of their chunk', () => {
  const ingest = new LogIngest(100);
  ingest.addSource(0);
  let clock = 1_000;
  ingest.now = () => clock;
  const splitter = ingest.splitterFor(0);
  splitter.push(Buffer.from('a\nb\n'));
  clock = 5_000;
  splitter.push(Buffer.from('c\n'));
  assert.deepEqual([ingest.ring.time(0), ingest.ring.time(1), ingest.ring.time(2)], [1_000, 1_000, 5_000]);
});
