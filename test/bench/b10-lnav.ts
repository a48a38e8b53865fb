// B10: lnav indexing the same 1,000,000-line file as B2, beside warroom's ingest, interleaved in
// the same run (only side-by-side ratios mean anything on a shared machine). Skipped if lnav is
// absent. Wall and CPU rates both, as in B2.
import { pathToFileURL } from 'node:url';
import { ingestFile } from './b2-ingest.js';
import { median, timeCommand } from './cpu-time.js';
import { fixtureFile } from './log-fixture.js';

const LINES = 1_000_000;

function rate(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** Runs B10 and prints its figures. */
export async function main(options: { quick?: boolean } = {}): Promise<void> {
  const runs = options.quick ? 3 : 5;
  const version = timeCommand(['lnav', '-V']);
  if (version === null) {
    console.log('B10 lnav: skipped (lnav not installed; Debian package `lnav`)');
    return;
  }
  const path = fixtureFile(LINES);
  ingestFile(path); // warm-up
  const ours = { wall: [] as number[], cpu: [] as number[] };
  const theirs = { wall: [] as number[], cpu: [] as number[] };
  for (let run = 0; run < runs; run++) {
    const lnav = timeCommand(['lnav', '-n', '-c', ';SELECT lines FROM lnav_file', path]);
    if (lnav === null || !lnav.stdout.includes(String(LINES))) {
      console.log(`B10 lnav: skipped (lnav did not count the file: ${lnav?.stdout.trim() ?? 'failed to run'})`);
      return;
    }
    theirs.wall.push(LINES / lnav.wall);
    theirs.cpu.push(LINES / lnav.cpu);
    const { lines, seconds, cpu } = ingestFile(path);
    ours.wall.push(lines / seconds);
    ours.cpu.push(lines / cpu);
  }
  console.log(`B10 lnav: ${LINES.toLocaleString('en-US')} lines, ${runs} runs interleaved`);
  console.log(`  ${version.stdout.trim()} (-n -c ';SELECT lines FROM lnav_file', process start included): median ${rate(median(theirs.wall))} lines/s wall, ${rate(median(theirs.cpu))} per CPU-second`);
  console.log(`  warroom ingest: median ${rate(median(ours.wall))} lines/s wall, ${rate(median(ours.cpu))} per CPU-second`);
  console.log(`  ratio warroom/lnav: ${(median(ours.wall) / median(theirs.wall)).toFixed(2)} wall, ${(median(ours.cpu) / median(theirs.cpu)).toFixed(2)} CPU (target > 1)`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) void main({ quick: process.argv.includes('--quick') });
