// B3: log follow, end to end. 10 files appended at 20,000 lines/s in total, the console
// (`warroom open`) in a 160x48 pseudo-terminal. Targets: every line ingested; line-to-screen lag
// p99 ≤ 250 ms; CPU of the console ≤ 1 core. Peer: `tail -F` on the same kind of files in the
// same pseudo-terminal, measured the same way.
//
// How the figures are read, given that at 20,000 lines/s a frame can show only the newest lines:
// - Lines ingested: every line of the flood is a WARN line and file i is tagged `f{i}`, so the
//   pane's per-source counts (`f3 E0 W29876`) are exactly the lines the console has read,
//   classified and counted from each file. After the writers stop and the screen has caught up,
//   the logs pane is focused and zoomed (`2`, `z`) so all ten counts fit on its top line; their
//   sum is compared with the lines written. (Lines *shown* on screen are also counted, as
//   distinct line numbers seen in the output, to make the sampling visible; they are not the
//   ingest figure.) For `tail -F`, which writes every line to the terminal, lines seen are the
//   distinct line numbers in its output.
// - Lag: each append round stamps its lines `t=<write time, ms>`. The output is cut into frames
//   (Ink's synchronized-output blocks; newline-ended lines for `tail`), and for each frame the
//   newest stamp on it is noted with the frame's arrival time. The console writes only the cells
//   that changed (two stamps differ in their last digits only), so its frames are drawn into a
//   terminal emulator (xterm.js, headless) and the stamps, line numbers and counts are read off
//   the emulated screen after each frame; tail's lines are read from its output as written.
//   A round's lag is the arrival of
//   the first frame showing that round or a newer one, minus its write time: how long until the
//   screen was at least as fresh as those lines. A stall therefore counts against every round
//   written during it, not just the one frame after it. Rounds are 50 ms apart, ~1,000 lines each.
// - CPU: user + system time of the console (or tail) process from /proc over the writing window.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import xterm from '@xterm/headless';
import { childPid, cpuSeconds, startFixture, type Fixture } from './estate-fixture.js';
import { PtyRun, stats } from './pty.js';

const bin = fileURLToPath(new URL('../../bin/warroom.js', import.meta.url));
const FILES = 10;
const RATE = 20_000;
const FRAME_END = '\x1b[?2026l';
const STAMP = /t=(\d{13})/g;
const LINE_NO = /bench line (\d+)/g;
const COUNTS = /\bf(\d) E\d+ W(\d+)/g;
// CSI and OSC sequences, enough to read plain text out of a frame.
const ESCAPES = /\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)/g;

/** What one run of warroom or the peer measured. */
interface RunResult {
  written: number;
  /** Lines the console counted (warroom) or wrote to the terminal (tail). */
  ingested: number;
  /** Distinct line numbers that appeared in the terminal output. */
  shown: number;
  /** Lag of each append round, ms. */
  lags: number[];
  /** Rounds the screen never caught up with before the run ended. */
  missed: number;
  cpuPercent: number;
  framesPerSecond: number;
}

/** Reads a program's terminal output unit by unit (frame or line) and times what appears. */
class ScreenReader {
  private carry = '';
  private newest = 0;
  private next = 0;
  readonly rounds: { stamp: number; lines: number }[] = [];
  readonly lags: number[] = [];
  readonly seen = new Set<number>();
  readonly counts = new Map<number, number>();
  /** Frames (warroom) or chunks written to the terminal (tail). */
  units = 0;

  /** The terminal the console's frames are drawn into (warroom only, see the header). */
  private readonly term: xterm.Terminal | undefined;

  constructor(
    private readonly delimiter: string,
    private readonly readCounts: boolean,
    screen?: { columns: number; rows: number },
  ) {
    this.term = screen ? new xterm.Terminal({ cols: screen.columns, rows: screen.rows, allowProposedApi: true }) : undefined;
  }

  /** The writer's hook: a round of lines stamped `stamp` was appended. */
  wrote(stamp: number, lines: number): void {
    if (lines > 0) this.rounds.push({ stamp, lines });
  }

  /** A chunk of terminal output that arrived at `at` (Date.now()). */
  feed(text: string, at: number): void {
    if (!this.readCounts) this.units++;
    const all = this.carry + text;
    const end = all.lastIndexOf(this.delimiter);
    if (end < 0) {
      this.carry = all;
      return;
    }
    this.carry = all.slice(end + this.delimiter.length);
    const complete = all.slice(0, end + this.delimiter.length);
    // Everything up to the last delimiter is complete: on screen now.
    if (this.term) {
      this.units += complete.split(this.delimiter).length - 1;
      this.term.write(complete, () => this.read(this.screenText(), at));
    } else {
      this.read(complete, at);
    }
  }

  /** The emulated screen's text, one line per row. */
  private screenText(): string {
    const buffer = this.term!.buffer.active;
    const lines: string[] = [];
    for (let y = 0; y < this.term!.rows; y++) lines.push(buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? '');
    return lines.join('\n');
  }

  /** Newest stamp seen on screen so far. */
  get newestStamp(): number {
    return this.newest;
  }

  private read(text: string, at: number): void {
    for (const m of text.matchAll(STAMP)) {
      const stamp = Number(m[1]);
      if (stamp > this.newest) this.newest = stamp;
    }
    for (const m of text.matchAll(LINE_NO)) this.seen.add(Number(m[1]));
    while (this.next < this.rounds.length && this.rounds[this.next]!.stamp <= this.newest) {
      this.lags.push(at - this.rounds[this.next]!.stamp);
      this.next++;
    }
    if (this.readCounts) {
      for (const m of text.replace(ESCAPES, '').matchAll(COUNTS)) this.counts.set(Number(m[1]), Number(m[2]));
    }
  }

  /** Rounds written that no frame has caught up with yet. */
  get behind(): number {
    return this.rounds.length - this.next;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits (bounded) until `done()` holds; true if it did. */
async function until(done: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (!done()) {
    if (performance.now() > deadline) return false;
    await sleep(50);
  }
  return true;
}

/** One run: starts the files and `command` in the pty, floods for `windowMs`, reads the figures. */
async function measure(kind: 'warroom' | 'tail', windowMs: number): Promise<RunResult> {
  const dir = mkdtempSync(join(tmpdir(), `warroom-b3-${kind}-`));
  const reader = kind === 'warroom' ? new ScreenReader(FRAME_END, true, { columns: 160, rows: 48 }) : new ScreenReader('\n', false);
  let fixture: Fixture | null = null;
  let run: PtyRun | null = null;
  try {
    fixture = await startFixture({
      dir, checks: 20, logFiles: FILES, linesPerSecond: RATE, panels: 4,
      stampLines: true, level: 'WARN', tagFiles: true, deferWriting: true,
      onWrite: (stamp, lines) => reader.wrote(stamp, lines),
    });
    const command = kind === 'warroom'
      ? `${process.execPath} ${bin} open --config ${fixture.configPath}`
      : `tail -F ${fixture.logPaths.join(' ')}`;
    run = new PtyRun(command, { columns: 160, rows: 48, cwd: dir, keepOutput: false });
    run.onData = (text) => reader.feed(text, Date.now());
    if (kind === 'warroom') {
      await run.waitFor((out) => out.includes('Runbook'), 30_000);
      // Let start-up settle (first sweep, files opened) before the flood.
      await sleep(2000);
    } else {
      await sleep(500);
    }
    const pid = childPid(run.pid!);
    if (!pid) throw new Error(`could not find the ${kind} process`);

    const cpu0 = cpuSeconds(pid);
    const units0 = reader.units;
    const t0 = performance.now();
    fixture.startWriting();
    await sleep(windowMs);
    fixture.stopWriting();
    const seconds = (performance.now() - t0) / 1000;
    const cpuPercent = ((cpuSeconds(pid) - cpu0) / seconds) * 100;
    const framesPerSecond = (reader.units - units0) / seconds;
    const written = fixture.linesWritten();

    // Give the screen (bounded) time to catch up with the last round.
    await until(() => reader.behind === 0, 10_000);
    let ingested: number;
    if (kind === 'warroom') {
      // Focus and zoom the logs pane so all ten per-source counts fit on its top line.
      reader.counts.clear();
      run.write('2');
      await sleep(200);
      run.write('z');
      const sum = () => [...reader.counts.values()].reduce((a, b) => a + b, 0);
      await until(() => reader.counts.size === FILES && sum() >= written, 10_000);
      ingested = reader.counts.size === FILES ? sum() : NaN;
    } else {
      await until(() => reader.seen.size >= written, 5_000);
      ingested = reader.seen.size;
    }
    return { written, ingested, shown: reader.seen.size, lags: reader.lags, missed: reader.behind, cpuPercent, framesPerSecond };
  } finally {
    await run?.stop(kind === 'warroom' ? 'q' : '\x03');
    await fixture?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

function tailInstalled(): boolean {
  const probe = spawnSync('tail', ['--version'], { encoding: 'utf8' });
  return !probe.error && probe.status === 0;
}

const ms = (v: number) => (Number.isFinite(v) ? `${v.toFixed(0)} ms` : '—');
const pct = (part: number, whole: number) => (Number.isFinite(part) ? `${((part / whole) * 100).toFixed(2)} %` : 'unread');

/** Prints one program's figures over its runs; returns its pooled lag p99. */
function report(name: string, results: RunResult[]): { p99: number; median: number } {
  const lags = results.flatMap((r) => r.lags);
  const pooled = stats(lags);
  const perRun = results.map((r) => stats(r.lags).p99);
  const cpu = stats(results.map((r) => r.cpuPercent));
  const fps = stats(results.map((r) => r.framesPerSecond));
  const written = results.reduce((a, r) => a + r.written, 0);
  const ingested = results.reduce((a, r) => a + r.ingested, 0);
  const shown = results.reduce((a, r) => a + r.shown, 0);
  const missed = results.reduce((a, r) => a + r.missed, 0);
  console.log(`   ${name}:`);
  console.log(`     lines: ${written.toLocaleString('en-US')} written, ${Number.isFinite(ingested) ? ingested.toLocaleString('en-US') : 'unread'} ${name === 'warroom' ? 'ingested' : 'seen'} (${pct(ingested, written)})` +
    (name === 'warroom' ? `; ${shown.toLocaleString('en-US')} (${pct(shown, written)}) ever shown on screen` : ''));
  console.log(`     lag over ${pooled.n} rounds: median ${ms(pooled.median)}, p99 ${ms(pooled.p99)}; p99 per run ${perRun.map(ms).join(', ')}` +
    (missed > 0 ? `; ${missed} rounds never reached the screen` : ''));
  console.log(`     CPU: median ${cpu.median.toFixed(0)} % of one core, worst ${cpu.p99.toFixed(0)} %; ${name === 'warroom' ? 'frames' : 'writes'}: median ${fps.median.toFixed(1)}/s`);
  return { p99: missed > 0 ? Infinity : pooled.p99, median: pooled.median };
}

/** Runs B3 on warroom and on `tail -F` and prints lines ingested, lag, CPU and the ratios. */
export async function main({ quick = false } = {}): Promise<void> {
  const windowMs = quick ? 5_000 : 15_000;
  const runs = quick ? 1 : 3;
  const peer = tailInstalled();
  const ours: RunResult[] = [];
  const theirs: RunResult[] = [];
  // Alternate, so a noisy spell on the shared machine hits both alike.
  for (let r = 0; r < runs; r++) {
    ours.push(await measure('warroom', windowMs));
    if (peer) theirs.push(await measure('tail', windowMs));
  }
  console.log(`B3 log follow: ${FILES} files at ${RATE.toLocaleString('en-US')} lines/s in total, 160x48 pseudo-terminal, ${runs} run(s) of ${windowMs / 1000} s`);
  const w = report('warroom', ours);
  const written = ours.reduce((a, r) => a + r.written, 0);
  const ingested = ours.reduce((a, r) => a + r.ingested, 0);
  const cpuWorst = Math.max(...ours.map((r) => r.cpuPercent));
  console.log(`     targets: every line ingested ${ingested === written ? 'MET' : 'MISSED'}; lag p99 ≤ 250 ms ${w.p99 <= 250 ? 'MET' : 'MISSED'}; CPU ≤ 1 core ${cpuWorst <= 100 ? 'MET' : 'MISSED'}`);
  if (!peer) {
    console.log('   tail -F: skipped (not installed)');
    return;
  }
  const t = report('tail -F', theirs);
  console.log(`   ratio warroom / tail -F: lag median ${(w.median / t.median).toFixed(1)}×, p99 ${(w.p99 / t.p99).toFixed(1)}×`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main({ quick: process.argv.includes('--quick') });
