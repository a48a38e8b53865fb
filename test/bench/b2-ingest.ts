// B2: headless log ingest (split, neutralise, classify, append to the ring) in lines/s, median
// over runs, beside `grep -c ERROR` on the same file (the floor of reading lines). Rates are
// given per wall second and per CPU second: on a loaded shared machine the second is the
// honest "on one core" figure.
import { closeSync, openSync, readSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { LogIngest } from '../../src/logs/ingest.js';
import { median, ownCpuSeconds, timeCommand } from './cpu-time.js';
import { fixtureFile } from './log-fixture.js';

const LINES = 1_000_000;

/** Reads the whole file through the ingest pipeline; returns lines ingested and wall/CPU seconds. */
export function ingestFile(path: string): { lines: number; seconds: number; cpu: number } {
  const ingest = new LogIngest(10_000);
  ingest.addSource(0);
  const splitter = ingest.splitterFor(0);
  const buffer = Buffer.allocUnsafe(256 * 1024);
  const cpuStart = ownCpuSeconds();
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
  return { lines: ingest.ring.total, seconds, cpu: ownCpuSeconds() - cpuStart };
}

function rate(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** Runs B2 and prints its figures. */
export async function main(options: { quick?: boolean } = {}): Promise<void> {
  const runs = options.quick ? 3 : 7;
  const path = fixtureFile(LINES);
  ingestFile(path); // warm-up: JIT and page cache
  const wall: number[] = [];
  const cpu: number[] = [];
  const grepWall: number[] = [];
  const grepCpu: number[] = [];
  for (let run = 0; run < runs; run++) {
    const { lines, seconds, cpu: cpuSeconds } = ingestFile(path);
    if (lines !== LINES) throw new Error(`ingested ${lines} lines, expected ${LINES}`);
    wall.push(lines / seconds);
    cpu.push(lines / cpuSeconds);
    const grep = timeCommand(['grep', '-c', 'ERROR', path]);
    if (grep) {
      grepWall.push(LINES / grep.wall);
      grepCpu.push(LINES / Math.max(grep.cpu, 0.001));
    }
  }
  console.log(`B2 log ingest: ${LINES.toLocaleString('en-US')} lines (${path}), ${runs} runs interleaved with grep`);
  console.log(`  warroom ingest: median ${rate(median(wall))} lines/s wall (min ${rate(Math.min(...wall))}, max ${rate(Math.max(...wall))}); ${rate(median(cpu))} lines per CPU-second; target >= 2,000,000`);
  if (grepWall.length === 0) {
    console.log('  grep -c ERROR: skipped (grep or bash not available)');
    return;
  }
  console.log(`  grep -c ERROR: median ${rate(median(grepWall))} lines/s wall (process start included); ${rate(median(grepCpu))} lines per CPU-second`);
  console.log(`  ratio warroom/grep: ${(median(wall) / median(grepWall)).toFixed(3)} wall, ${(median(cpu) / median(grepCpu)).toFixed(3)} CPU`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) void main({ quick: process.argv.includes('--quick') });
