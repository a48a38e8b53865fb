// B7: memory, three ways. (1) Headless: 10,000,000 log lines through the ingest pipeline into the
// ring buffer, RSS sampled every million lines. (2) An hour of simulated check results through
// the scheduler, store and journal (checks-hour.ts), heap sampled after a full collection every
// five simulated minutes. (3) The compiled console (`warroom open`) in a 160x48 pseudo-terminal
// under a log flood (10 files, 20,000 lines/s in total) with 50 HTTP checks and 8 panels, its
// RSS read from /proc every few seconds and its live set after each of its own major collections
// (console-memory.ts); what users run for hours, with Ink's caches in play.
// Target: RSS ≤ 200 MB, flat. "Flat" is read as the slope of a least-squares line through the
// second half of the run (the first half includes warm-up: JIT, heap sizing, caches filling) —
// of the live set, for the console: its RSS is a garbage collector's sawtooth, tens of MB deep,
// whose slope over a few minutes says more about where the teeth fall than about a leak.
import { pathToFileURL } from 'node:url';
import { LogIngest } from '../../src/logs/ingest.js';
import { HISTORY_LENGTH, TRANSITIONS_KEPT } from '../../src/store/checks.js';
import { TIMELINE_WINDOW } from '../../src/store/timeline.js';
import { simulateCheckHour } from './checks-hour.js';
import { measureConsoleMemory, type MemoryWindow } from './console-memory.js';
import { fixtureLine } from './log-fixture.js';

const MB = 1024 * 1024;
const TARGET_MB = 200;
/** A live-set slope under this (MB per minute: 15 MB an hour) counts as flat; a fall is not growth. */
const FLAT_MB_PER_MIN = 0.25;

/**
 * The least-squares line through (x, y) points: its slope, and the slope's standard error (how
 * far noise alone moves it; NaN with fewer than three points). NaN slope with fewer than two.
 */
export function fitLine(points: ReadonlyArray<{ x: number; y: number }>): { slope: number; error: number } {
  const n = points.length;
  if (n < 2) return { slope: NaN, error: NaN };
  const mx = points.reduce((a, p) => a + p.x, 0) / n;
  const my = points.reduce((a, p) => a + p.y, 0) / n;
  const sxy = points.reduce((a, p) => a + (p.x - mx) * (p.y - my), 0);
  const sxx = points.reduce((a, p) => a + (p.x - mx) ** 2, 0);
  if (sxx === 0) return { slope: NaN, error: NaN };
  const slope = sxy / sxx;
  const residuals = points.reduce((a, p) => a + (p.y - my - slope * (p.x - mx)) ** 2, 0);
  return { slope, error: n > 2 ? Math.sqrt(residuals / (n - 2) / sxx) : NaN };
}

/** The second half of a series of samples (at least two), where warm-up is over. */
function secondHalf<T>(samples: T[]): T[] {
  return samples.slice(Math.min(Math.floor(samples.length / 2), Math.max(0, samples.length - 2)));
}

const met = (ok: boolean) => (ok ? 'MET' : 'MISSED');

/** MET under the flat threshold; MISSED only when noise cannot explain the slope (2 errors). */
function flatVerdict(fit: { slope: number; error: number }): string {
  if (!Number.isFinite(fit.slope)) return 'UNREAD (too few major GCs)';
  if (fit.slope < FLAT_MB_PER_MIN) return 'MET';
  if (fit.slope - 2 * fit.error > FLAT_MB_PER_MIN) return 'MISSED';
  return 'UNRESOLVED (within noise of flat: run longer, e.g. the full bench)';
}

const signed = (v: number, digits = 2) => `${v >= 0 ? '+' : ''}${v.toFixed(digits)}`;

/** Part 1: the ingest pipeline and ring buffer, headless. */
async function ingestPart(quick: boolean): Promise<void> {
  const total = quick ? 2_000_000 : 10_000_000;
  const baseline = process.memoryUsage().rss / MB;
  const ingest = new LogIngest(10_000);
  const sources = 8;
  for (let s = 0; s < sources; s++) ingest.addSource(s);
  const splitters = Array.from({ length: sources }, (_, s) => ingest.splitterFor(s));
  // Distinct chunks so every line is a new string, as from a real file.
  const chunks: Buffer[] = [];
  for (let c = 0; c < 64; c++) {
    let text = '';
    for (let i = 0; i < 1000; i++) text += fixtureLine(c * 1000 + i) + '\n';
    chunks.push(Buffer.from(text));
  }
  const samples: Array<{ lines: number; rss: number; heap: number }> = [];
  const started = process.hrtime.bigint();
  let pushed = 0;
  let chunk = 0;
  while (pushed < total) {
    splitters[chunk % sources].push(chunks[chunk % chunks.length]);
    chunk++;
    pushed += 1000;
    if (pushed % 1_000_000 === 0) {
      const usage = process.memoryUsage();
      samples.push({ lines: pushed, rss: usage.rss / MB, heap: usage.heapUsed / MB });
      await new Promise((resolve) => setImmediate(resolve)); // let GC and the event loop breathe
    }
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (ingest.ring.total !== total) throw new Error(`ingested ${ingest.ring.total}, expected ${total}`);
  console.log(`B7 memory, (1) headless ingest: ${total.toLocaleString('en-US')} lines from ${sources} sources into a 10,000-line ring (${Math.round(total / seconds).toLocaleString('en-US')} lines/s)`);
  console.log(`  before: RSS ${baseline.toFixed(1)} MB (node + tsx + modules)`);
  for (const s of samples) console.log(`  after ${(s.lines / 1e6).toFixed(0).padStart(2)}M lines: RSS ${s.rss.toFixed(1)} MB, heap used ${s.heap.toFixed(1)} MB`);
  const second = samples[Math.min(1, samples.length - 1)];
  const last = samples.at(-1)!;
  const peak = Math.max(...samples.map((s) => s.rss));
  const growth = last.rss - second.rss;
  console.log(`  RSS peak ${peak.toFixed(1)} MB (target <= 200 MB); growth from 2M to the end ${growth.toFixed(1)} MB (flat = ring bounded)`);
  console.log(`  targets: RSS ≤ ${TARGET_MB} MB ${met(peak <= TARGET_MB)}; flat (growth after the first 2M lines < 5 MB) ${met(growth < 5)}`);
}

/** Part 2: an hour of simulated check results. */
async function checksPart(quick: boolean): Promise<void> {
  const rows = quick ? 250 : 1000;
  const r = await simulateCheckHour({ rows, minutes: 60, sampleMinutes: 5 });
  const first = r.samples[0]!;
  const last = r.samples.at(-1)!;
  const heapPerHour = fitLine(secondHalf(r.samples).map((s) => ({ x: s.simulatedMinutes, y: s.heapMb }))).slope * 60;
  const journalGrowth = last.journalEvents - secondHalf(r.samples)[0]!.journalEvents;
  console.log(`B7 memory, (2) 1 hour of simulated checks: ${r.rows} rows at a 2 s interval, 1 in 10 flapping; ${r.results.toLocaleString('en-US')} results in ${r.seconds.toFixed(1)} s`);
  console.log(`  heap after a full GC, every 10 simulated minutes (RSS of this process beside it):`);
  for (const s of r.samples.filter((_, i) => i % 2 === 0)) {
    console.log(`    ${String(s.simulatedMinutes).padStart(2)} min: heap ${s.heapMb.toFixed(1)} MB, RSS ${s.rssMb.toFixed(0)} MB, journal ${s.journalEvents.toLocaleString('en-US')} events`);
  }
  console.log(`  per row at the end: history ${r.maxHistory} results (bound ${HISTORY_LENGTH}), transitions ${r.maxTransitions} (bound ${TRANSITIONS_KEPT}); timeline window ${r.windowEvents.toLocaleString('en-US')} events (bound ${TIMELINE_WINDOW.toLocaleString('en-US')}) of ${r.journalEvents.toLocaleString('en-US')} in the journal`);
  // The journal keeps every event in memory by design (export, incident state): the one thing
  // here that grows with time, so the growth is put per event it gained.
  const perEvent = journalGrowth > 0 && heapPerHour > 0 ? `, at most ${Math.round(((heapPerHour / 2) * MB) / journalGrowth)} bytes per event` : '';
  console.log(`  heap ${first.heapMb.toFixed(1)} -> ${last.heapMb.toFixed(1)} MB; second-half slope ${signed(heapPerHour, 1)} MB per simulated hour, while the journal (kept whole in memory by design) gained ${journalGrowth.toLocaleString('en-US')} events${perEvent}`);
  const bounded = r.maxHistory <= HISTORY_LENGTH && r.maxTransitions <= TRANSITIONS_KEPT && r.windowEvents <= TIMELINE_WINDOW;
  console.log(`  targets: per-row history and timeline window bounded ${met(bounded)}; peak RSS ≤ ${TARGET_MB} MB ${met(Math.max(...r.samples.map((s) => s.rssMb)) <= TARGET_MB)}`);
}

/** Part 3: the compiled console in a pty under a log flood and checks. */
async function consolePart(quick: boolean, minutes?: number, bin?: string): Promise<void> {
  const floodMs = minutes !== undefined ? minutes * 60_000 : quick ? 40_000 : 240_000;
  const windowMs = quick ? 5_000 : 10_000;
  const rate = 20_000;
  const { windows, afterGc, cpuPercent } = await measureConsoleMemory({ floodMs, windowMs, linesPerSecond: rate, ...(bin ? { bin } : {}) });
  const [idle, ...flood] = windows as [MemoryWindow, ...MemoryWindow[]];
  const last = windows.at(-1)!;
  const peak = Math.max(...windows.map((w) => w.rssMax));
  const floodMinutes = floodMs / 60_000;
  const rssFit = fitLine(secondHalf(flood).map((w) => ({ x: w.minutes, y: w.rss })));
  const during = afterGc.filter((p) => p.minutes >= 0 && p.minutes <= floodMinutes);
  // The live set at the end of each window: the lowest old generation after a major collection
  // in it or the one before. The lowest, because what a collection leaves unswept (garbage made
  // while it marked) only ever adds; two windows, so one such collection does not make a step
  // (neighbouring points then share readings: the slope's printed error is somewhat optimistic).
  const windowMinutes = windowMs / 60_000;
  const live = windows.map((w) => {
    const recent = afterGc.filter((p) => p.minutes <= w.minutes && p.minutes > w.minutes - 2 * windowMinutes);
    return { x: w.minutes, y: recent.length > 0 ? Math.min(...recent.map((p) => p.old)) : NaN };
  });
  const late = live.filter((p) => p.x > floodMinutes / 2 && Number.isFinite(p.y));
  const liveFit = fitLine(late);
  const range = (values: number[]) => (values.length > 0 ? `${Math.min(...values).toFixed(1)}-${Math.max(...values).toFixed(1)} MB` : 'none');
  console.log(`B7 memory, (3) console${bin ? ` (${bin})` : ''}: \`warroom open\` in a 160x48 pty, 10 log files at ${rate.toLocaleString('en-US')} lines/s in total, 50 HTTP checks every 2 s, 8 panels, ${floodMs / 1000} s`);
  console.log(`  every ${windowMs / 1000} s, from settled (before the flood) to the end:`);
  console.log(`    RSS                    ${windows.map((w) => w.rss.toFixed(0)).join(' ')} MB`);
  console.log(`    live set               ${live.map((p) => (Number.isFinite(p.y) ? p.y.toFixed(0) : '-')).join(' ')} MB (lowest V8 old generation after a major GC in the last ${(2 * windowMs) / 1000} s; '-': none)`);
  console.log(`  RSS start ${idle.rss.toFixed(1)} MB, end ${last.rss.toFixed(1)} MB, peak ${peak.toFixed(1)} MB; CPU ${cpuPercent.toFixed(0)} % of one core`);
  console.log(`  lines: ${last.written.toLocaleString('en-US')} written, ${Number.isFinite(last.ingested) ? last.ingested.toLocaleString('en-US') : 'unread'} ingested by the last reading`);
  console.log(`  ${during.length} major GCs in the flood; old gen after them ${range(during.map((p) => p.old))}; memory outside the heap (buffers, WebAssembly) ${range(during.map((p) => p.external))}`);
  const pm = (fit: { slope: number; error: number }) => `${signed(fit.slope)} ± ${fit.error.toFixed(2)} MB/min`;
  console.log(`  second-half slope (± standard error): RSS ${pm(rssFit)} (GC sawtooth, not a trend); live set ${pm(liveFit)} over ${late.length} windows (${signed(liveFit.slope * 60, 1)} MB an hour)`);
  console.log(`  targets: RSS ≤ ${TARGET_MB} MB ${met(peak <= TARGET_MB)}; flat (live-set slope < ${FLAT_MB_PER_MIN} MB/min) ${flatVerdict(liveFit)}`);
}

/** Runs B7: the headless ingest, an hour of checks, and the console under a flood. */
export async function main(options: { quick?: boolean; only?: string; minutes?: number; bin?: string } = {}): Promise<void> {
  const quick = options.quick ?? false;
  if (!options.only || options.only === 'ingest') await ingestPart(quick);
  if (!options.only || options.only === 'checks') await checksPart(quick);
  if (!options.only || options.only === 'console') await consolePart(quick, options.minutes, options.bin);
}

// Run alone: `node --import tsx test/bench/b7-memory.ts [--quick] [--only=ingest|checks|console]
// [--minutes=N] [--bin=PATH]`: --minutes sets how long the console part floods, --bin runs another
// build's bin/warroom.js (a copy with different node_modules, say, to compare an unpatched Ink).
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const flag = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const minutes = flag('minutes');
  const bin = flag('bin');
  void main({ quick: process.argv.includes('--quick'), only: flag('only'), ...(minutes ? { minutes: Number(minutes) } : {}), ...(bin ? { bin } : {}) });
}
