// B10: lnav indexing the same 1,000,000-line file as B2, beside warroom's ingest, in the same
// run (only side-by-side ratios mean anything on a shared machine). Skipped if lnav is absent.
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { ingestFile } from './b2-ingest.js';
import { fixtureFile } from './log-fixture.js';

const LINES = 1_000_000;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function timeLnav(path: string): number | null {
  const start = process.hrtime.bigint();
  const result = spawnSync('lnav', ['-n', '-c', ';SELECT lines FROM lnav_file', path], { encoding: 'utf8' });
  if (result.error || result.status !== 0) return null;
  if (!result.stdout.includes(String(LINES))) throw new Error(`lnav counted something else: ${result.stdout.trim()}`);
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/** Runs B10 and prints its figures. */
export async function main(options: { quick?: boolean } = {}): Promise<void> {
  const runs = options.quick ? 3 : 5;
  if (spawnSync('lnav', ['-V']).error) {
    console.log('B10 lnav: skipped (lnav not installed; Debian package `lnav`)');
    return;
  }
  const path = fixtureFile(LINES);
  ingestFile(path); // warm-up
  const ours: number[] = [];
  const theirs: number[] = [];
  for (let run = 0; run < runs; run++) {
    const lnav = timeLnav(path);
    if (lnav === null) {
      console.log('B10 lnav: skipped (lnav failed to run)');
      return;
    }
    theirs.push(LINES / lnav);
    const { lines, seconds } = ingestFile(path);
    ours.push(lines / seconds);
  }
  const version = spawnSync('lnav', ['-V'], { encoding: 'utf8' }).stdout.trim();
  console.log(`B10 lnav: ${LINES.toLocaleString('en-US')} lines, ${runs} runs interleaved`);
  console.log(`  ${version} (-n, SELECT lines FROM lnav_file, process start included): median ${Math.round(median(theirs)).toLocaleString('en-US')} lines/s`);
  console.log(`  warroom ingest: median ${Math.round(median(ours)).toLocaleString('en-US')} lines/s`);
  console.log(`  ratio warroom/lnav: ${(median(ours) / median(theirs)).toFixed(2)} (target > 1)`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) void main({ quick: process.argv.includes('--quick') });
