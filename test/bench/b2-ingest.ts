// B2: headless log ingest (split, neutralise, classify, append to the ring) in lines/s, median
// over runs, beside `grep -c ERROR` on the same file (the floor of reading lines).
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { LogIngest } from '../../src/logs/ingest.js';
import { fixtureFile } from './log-fixture.js';

const LINES = 1_000_000;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Reads the whole file through the ingest pipeline; returns lines ingested and seconds taken. */
export function ingestFile(path: string): { lines: number; seconds: number } {
  const ingest = new LogIngest(10_000);
  ingest.addSource(0);
  const splitter = ingest.splitterFor(0);
  const buffer = Buffer.allocUnsafe(256 * 1024);
  const start = process.hrtime.bigint();
  const fd = openSync(path, 'r');
  for (;;) {
    const n = readSync(fd, buffer, 0, buffer.length, null);
    if (n === 0) break;
    splitter.push(buffer.subarray(0, n));
  }
  splitter.flush();
  closeSync(fd);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { lines: ingest.ring.total, seconds };
}

function timeGrep(path: string): number | null {
  const start = process.hrtime.bigint();
  const result = spawnSync('grep', ['-c', 'ERROR', path], { encoding: 'utf8' });
  if (result.error || result.status === 2) return null;
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/** Runs B2 and prints its figures. */
export async function main(options: { quick?: boolean } = {}): Promise<void> {
  const RUNS = options.quick ? 3 : 7;
  const path = fixtureFile(LINES);
  ingestFile(path); // warm-up: JIT and page cache
  const rates: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const { lines, seconds } = ingestFile(path);
    if (lines !== LINES) throw new Error(`ingested ${lines} lines, expected ${LINES}`);
    rates.push(lines / seconds);
  }
  const grepTimes: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const t = timeGrep(path);
    if (t !== null) grepTimes.push(t);
  }
  const ingestRate = median(rates);
  console.log(`B2 log ingest: ${LINES.toLocaleString('en-US')} lines, ${RUNS} runs`);
  console.log(`  warroom ingest: median ${Math.round(ingestRate).toLocaleString('en-US')} lines/s (min ${Math.round(Math.min(...rates)).toLocaleString('en-US')}, max ${Math.round(Math.max(...rates)).toLocaleString('en-US')}) target >= 2,000,000`);
  if (grepTimes.length === 0) {
    console.log('  grep -c ERROR: skipped (grep not available)');
    return;
  }
  const grepRate = LINES / median(grepTimes);
  console.log(`  grep -c ERROR: median ${Math.round(grepRate).toLocaleString('en-US')} lines/s (process start included)`);
  console.log(`  ratio warroom/grep: ${(ingestRate / grepRate).toFixed(2)}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) void main({ quick: process.argv.includes('--quick') });
