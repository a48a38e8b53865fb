// B6: steady state — 50 checks, 5 log sources at 100 lines/s in total, 8 panels — CPU of the
// console process (from /proc) and frames written (synchronized-output markers) in a 160x48
// pseudo-terminal. Target: ≤ 5 % of one core; frames only when something changed. Measured with
// colour on (TERM=xterm-256color, the theme's 256 colours) and with NO_COLOR=1, runs interleaved.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { childPid, cpuSeconds, rssMb, startFixture } from './estate-fixture.js';
import { PtyRun, stats } from './pty.js';

const bin = fileURLToPath(new URL('../../bin/warroom.js', import.meta.url));
const FRAME = '\x1b[?2026h';

interface Figures {
  cpu: number[];
  fps: number[];
  bps: number[];
  rss: number;
}

/** One run of `windowMs` with `env` added; pushes its figures. */
async function measure(figures: Figures, env: NodeJS.ProcessEnv, windowMs: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'warroom-b6-'));
  const fixture = await startFixture({ dir, checks: 50, logFiles: 5, linesPerSecond: 100, panels: 8 });
  const run = new PtyRun(`${process.execPath} ${bin} open --config ${fixture.configPath}`, { columns: 160, rows: 48, cwd: dir, keepOutput: false, env });
  let frames = 0;
  run.onData = (text) => {
    frames += text.split(FRAME).length - 1;
  };
  try {
    await run.waitFor((out) => out.includes('Runbook'), 30_000);
    // Let start-up settle (first sweep, history backfill) before measuring.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const pid = childPid(run.pid!);
    if (!pid) throw new Error('could not find the console process');
    const cpu0 = cpuSeconds(pid);
    const frames0 = frames;
    const bytes0 = run.bytes;
    const t0 = performance.now();
    await new Promise((resolve) => setTimeout(resolve, windowMs));
    const seconds = (performance.now() - t0) / 1000;
    figures.cpu.push(((cpuSeconds(pid) - cpu0) / seconds) * 100);
    figures.fps.push((frames - frames0) / seconds);
    figures.bps.push((run.bytes - bytes0) / seconds);
    figures.rss = rssMb(pid);
  } finally {
    await run.stop();
    await fixture.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs B6 and prints CPU %, frames per second and bytes per second, with and without colour. */
export async function main({ quick = false } = {}): Promise<void> {
  const windowMs = quick ? 10_000 : 30_000;
  const runs = quick ? 1 : 3;
  const load = loadavg()[0]!.toFixed(1);
  const modes: { name: string; env: NodeJS.ProcessEnv; figures: Figures }[] = [
    { name: 'colour on (xterm-256color)', env: { TERM: 'xterm-256color' }, figures: { cpu: [], fps: [], bps: [], rss: NaN } },
    { name: 'NO_COLOR=1', env: { TERM: 'xterm-256color', NO_COLOR: '1' }, figures: { cpu: [], fps: [], bps: [], rss: NaN } },
  ];
  for (let r = 0; r < runs; r++) {
    for (const mode of modes) await measure(mode.figures, mode.env, windowMs);
  }
  console.log(`B6 steady state (50 checks, 5 log files at 100 lines/s, 8 panels, 160x48), ${runs} run(s) of ${windowMs / 1000} s per mode; load average ${load} at the start, ${loadavg()[0]!.toFixed(1)} at the end:`);
  for (const { name, figures } of modes) {
    const c = stats(figures.cpu);
    const f = stats(figures.fps);
    const b = stats(figures.bps);
    console.log(`   ${name}: CPU of the console median ${c.median.toFixed(1)} % of one core, worst ${c.p99.toFixed(1)} % (target ≤ 5 %); frames median ${f.median.toFixed(1)}/s; bytes to the terminal median ${(b.median / 1024).toFixed(1)} KiB/s; RSS ${figures.rss.toFixed(0)} MB`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main({ quick: process.argv.includes('--quick') });
