// The console's memory under load, for B7: `warroom open` (compiled) in a 160x48 pseudo-terminal
// on the benchmark estate, log files flooded at a fixed rate. RSS is read from /proc; lines
// ingested from the console's own `--metrics-port`.
//
// RSS alone is a poor leak detector in a process allocating at 20,000 lines/s: V8 grows and
// shrinks its heap around each collection, so RSS swings by tens of MB from one reading to the
// next, and so does the heap in use between collections. What a leak raises is the live heap:
// what is left after a full collection. gc-probe.mjs, loaded into the console with --import,
// notes the old generation after each of the console's own major collections (it forces none),
// and those points are what "flat" is judged on.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { childPid, cpuSeconds, rssMb, startFixture } from './estate-fixture.js';
import { PtyRun } from './pty.js';
import { freePort } from '../helpers/free-port.js';

const MB = 1024 * 1024;
const bin = fileURLToPath(new URL('../../bin/warroom.js', import.meta.url));
const probe = new URL('./gc-probe.mjs', import.meta.url).href;

/** How the console is loaded and read. */
export interface ConsoleMemoryOptions {
  /** How long the flood lasts. */
  floodMs: number;
  /** One window per this many ms: RSS at its end and the highest RSS in it. */
  windowMs: number;
  /** RSS readings per window (for the peak). @default 5 */
  readingsPerWindow?: number;
  /** Lines per second over all files. @default 20000 */
  linesPerSecond?: number;
  /** @default 10 */
  logFiles?: number;
  /** @default 50 */
  checks?: number;
  /** The console to run. @default this checkout's bin/warroom.js */
  bin?: string;
}

/** One window of readings, `minutes` after the flood began (0: settled, before it). */
export interface MemoryWindow {
  minutes: number;
  /** Resident memory at the end of the window, MB. */
  rss: number;
  /** Highest RSS read in the window, MB. */
  rssMax: number;
  /** Lines written to the files so far, and lines the console says it has ingested. */
  written: number;
  ingested: number;
}

/** The console's heap right after one of its own major collections. */
export interface AfterGc {
  /** Minutes after the flood began (negative: before it). */
  minutes: number;
  /** V8 old generation in use, MB: the live set, where anything kept for long ends up. */
  old: number;
  /** The whole V8 heap in use, and memory held outside it (buffers, WebAssembly), MB. */
  heapUsed: number;
  external: number;
}

/** What one console run measured. */
export interface ConsoleMemoryResult {
  windows: MemoryWindow[];
  /** One point per major collection the console ran, from start-up to the end of the flood. */
  afterGc: AfterGc[];
  /** CPU of the console over the flood, % of one core. */
  cpuPercent: number;
}

/** Lines ingested, as the console reports them on `--metrics-port` (NaN if unread). */
async function linesIngested(port: number): Promise<number> {
  try {
    const text = await (await fetch(`http://127.0.0.1:${port}/metrics`, { signal: AbortSignal.timeout(2000) })).text();
    let ingested = 0;
    for (const m of text.matchAll(/^warroom_log_lines_ingested_total\{[^}]*\} (\S+)/gm)) ingested += Number(m[1]);
    return ingested;
  } catch {
    return NaN;
  }
}

/** Reads what gc-probe.mjs wrote, as minutes from `t0` (epoch ms). */
function readProbe(file: string, t0: number): AfterGc[] {
  if (!existsSync(file)) return [];
  // Complete lines only: the console may be appending one as this reads.
  return readFileSync(file, 'utf8')
    .split('\n')
    .slice(0, -1)
    .map((line) => JSON.parse(line) as { at: number; old: number; heapUsed: number; external: number })
    .map((p) => ({ minutes: (p.at - t0) / 60_000, old: p.old / MB, heapUsed: p.heapUsed / MB, external: p.external / MB }));
}

const sleepUntil = (at: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, at - performance.now())));

/** Starts the estate and the console, floods, and reads memory window by window. */
export async function measureConsoleMemory(options: ConsoleMemoryOptions): Promise<ConsoleMemoryResult> {
  const readings = options.readingsPerWindow ?? 5;
  const dir = mkdtempSync(join(tmpdir(), 'warroom-b7-'));
  const fixture = await startFixture({
    dir, checks: options.checks ?? 50, logFiles: options.logFiles ?? 10, linesPerSecond: options.linesPerSecond ?? 20_000, panels: 8, deferWriting: true,
  });
  const port = await freePort();
  const report = join(dir, 'after-gc.jsonl');
  const run = new PtyRun(`${process.execPath} --import ${probe} ${options.bin ?? bin} open --config ${fixture.configPath} --metrics-port ${port}`, {
    columns: 160, rows: 48, cwd: dir, keepOutput: false, env: { WARROOM_BENCH_GC_PROBE: report },
  });
  const windows: MemoryWindow[] = [];
  let cpuPercent = NaN;
  let afterGc: AfterGc[] = [];
  try {
    await run.waitFor((out) => out.includes('Runbook'), 30_000);
    // Let start-up settle (first sweep, history backfill) before the flood.
    await sleepUntil(performance.now() + 3000);
    const pid = childPid(run.pid!);
    if (!pid) throw new Error('could not find the console process');
    const window = async (minutes: number, startAt: number): Promise<MemoryWindow> => {
      let rssMax = 0;
      let rss = NaN;
      for (let i = 1; i <= readings; i++) {
        await sleepUntil(startAt + (i * options.windowMs) / readings);
        rss = rssMb(pid);
        rssMax = Math.max(rssMax, rss);
      }
      const written = fixture.linesWritten();
      return { minutes, rss, rssMax, written, ingested: await linesIngested(port) };
    };
    windows.push(await window(0, performance.now()));
    const cpu0 = cpuSeconds(pid);
    const t0 = performance.now();
    const epoch0 = Date.now();
    fixture.startWriting();
    // Bounded: one window per period until the flood's time is up.
    for (let at = 0; at + options.windowMs <= options.floodMs; at += options.windowMs) {
      windows.push(await window((at + options.windowMs) / 60_000, t0 + at));
    }
    fixture.stopWriting();
    cpuPercent = ((cpuSeconds(pid) - cpu0) / ((performance.now() - t0) / 1000)) * 100;
    afterGc = readProbe(report, epoch0);
  } finally {
    await run.stop();
    await fixture.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  return { windows, afterGc, cpuPercent };
}
