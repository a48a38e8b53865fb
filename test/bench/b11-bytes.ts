// B11: bytes written to the terminal per second in steady state — what the console costs a thin
// link (SSH from a hotel, a phone tether) and everything that re-sends changed cells (tmux,
// screen sharing). The demo and the B6 fixture, colour on (TERM=xterm-256color), at 160x48 and
// 80x24, each in a pseudo-terminal. Target: ≤ 10 KB/s on the demo.
//
// Peer: `htop` refreshing every second (`-d 10`), in a pseudo-terminal of the same size, running
// through the same window as each console run, so the two see the same moment of the machine.
// htop draws what the machine is doing, so its figure moves with the load: the ratio is taken
// run by run, and medians over the runs are reported. Skipped, and said so, when htop is absent.
//
// Colour is checked, not assumed: a run whose output holds no 256-colour SGR code fails.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { childPid, cpuSeconds, startFixture, type Fixture } from './estate-fixture.js';
import { PtyRun, stats } from './pty.js';

const bin = fileURLToPath(new URL('../../bin/warroom.js', import.meta.url));
const FRAME = '\x1b[?2026h';
/** A 256-colour foreground or background SGR parameter, as the theme writes on xterm-256color. */
const COLOUR_256 = /\x1b\[[0-9;]*[34]8;5;\d/;

type Estate = 'demo' | 'B6 fixture';

/** One window of one program in one pseudo-terminal. */
interface Reading {
  bytesPerSecond: number;
  cpuPercent: number;
  framesPerSecond: number;
  coloured: boolean;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Counts what `run` writes from now on, for `windowMs`. */
async function readWindow(run: PtyRun, windowMs: number): Promise<Reading> {
  const pid = childPid(run.pid!);
  if (!pid) throw new Error('could not find the process under the pseudo-terminal');
  let frames = 0;
  let coloured = false;
  run.onData = (text) => {
    frames += text.split(FRAME).length - 1;
    coloured ||= COLOUR_256.test(text);
  };
  const cpu0 = cpuSeconds(pid);
  const bytes0 = run.bytes;
  const t0 = performance.now();
  await sleep(windowMs);
  const seconds = (performance.now() - t0) / 1000;
  return {
    bytesPerSecond: (run.bytes - bytes0) / seconds,
    cpuPercent: ((cpuSeconds(pid) - cpu0) / seconds) * 100,
    framesPerSecond: frames / seconds,
    coloured,
  };
}

/** htop with its own empty home, so it neither reads nor rewrites anyone's htoprc. */
function startHtop(columns: number, rows: number, home: string): PtyRun {
  return new PtyRun('htop -d 10', { columns, rows, cwd: home, keepOutput: false, env: { HOME: home, HTOPRC: join(home, 'htoprc') } });
}

/** One console run and, if installed, htop beside it for the same window. */
async function measure(estate: Estate, columns: number, rows: number, windowMs: number, withPeer: boolean): Promise<{ ours: Reading; peer?: Reading }> {
  const dir = mkdtempSync(join(tmpdir(), 'warroom-b11-'));
  let fixture: Fixture | undefined;
  let run: PtyRun | undefined;
  let htop: PtyRun | undefined;
  try {
    let command = `${process.execPath} ${bin} demo`;
    if (estate === 'B6 fixture') {
      fixture = await startFixture({ dir, checks: 50, logFiles: 5, linesPerSecond: 100, panels: 8 });
      command = `${process.execPath} ${bin} open --config ${fixture.configPath}`;
    }
    // NO_COLOR and FORCE_COLOR from the caller's shell would change what is measured.
    run = new PtyRun(command, { columns, rows, cwd: dir, keepOutput: false, env: { NO_COLOR: undefined, FORCE_COLOR: undefined, COLORTERM: undefined } });
    await run.waitFor((out) => out.includes('Runbook'), 30_000);
    if (withPeer) htop = startHtop(columns, rows, dir);
    // Start-up settles (first sweeps, history backfill, the runbook parsed; htop's first screens).
    await sleep(4000);
    const [ours, peer] = await Promise.all([readWindow(run, windowMs), htop ? readWindow(htop, windowMs) : undefined]);
    if (!ours.coloured) throw new Error(`${estate} at ${columns}x${rows} wrote no 256-colour code: colour is off, the figure would understate the bytes`);
    return { ours, peer };
  } finally {
    await run?.stop();
    await htop?.stop('q');
    await fixture?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

function htopInstalled(): boolean {
  const probe = spawnSync('htop', ['--version'], { encoding: 'utf8' });
  return !probe.error && probe.status === 0;
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB/s`;

/** Runs B11 and prints bytes per second of the console and of htop, and their ratio. */
export async function main({ quick = false } = {}): Promise<void> {
  const windowMs = quick ? 10_000 : 20_000;
  const runs = quick ? 1 : 3;
  const peer = htopInstalled();
  const cases: { estate: Estate; columns: number; rows: number }[] = [
    { estate: 'demo', columns: 160, rows: 48 },
    { estate: 'demo', columns: 80, rows: 24 },
    { estate: 'B6 fixture', columns: 160, rows: 48 },
    { estate: 'B6 fixture', columns: 80, rows: 24 },
  ];
  const load = loadavg()[0]!.toFixed(1);
  console.log(`B11 bytes to the terminal, steady state, colour on (xterm-256color), ${runs} run(s) of ${windowMs / 1000} s each; load average ${load} at the start`);
  if (!peer) console.log('   htop: skipped (not installed; Debian package `htop`)');
  for (const { estate, columns, rows } of cases) {
    const ours: Reading[] = [];
    const theirs: Reading[] = [];
    const ratios: number[] = [];
    for (let r = 0; r < runs; r++) {
      const result = await measure(estate, columns, rows, windowMs, peer);
      ours.push(result.ours);
      if (result.peer) {
        theirs.push(result.peer);
        ratios.push(result.ours.bytesPerSecond / result.peer.bytesPerSecond);
      }
    }
    const b = stats(ours.map((o) => o.bytesPerSecond));
    const cpu = stats(ours.map((o) => o.cpuPercent));
    const fps = stats(ours.map((o) => o.framesPerSecond));
    const target = estate === 'demo' ? ` (target ≤ 10 KB/s: ${b.median <= 10_000 ? 'MET' : 'MISSED'})` : '';
    console.log(`   ${estate} ${columns}x${rows}: warroom median ${kb(b.median)}, worst ${kb(b.p99)}${target}; ${fps.median.toFixed(1)} frames/s, CPU ${cpu.median.toFixed(1)} % of a core`);
    if (theirs.length > 0) {
      const h = stats(theirs.map((o) => o.bytesPerSecond));
      const hc = stats(theirs.map((o) => o.cpuPercent));
      console.log(`      htop -d 10 beside it: median ${kb(h.median)}, CPU ${hc.median.toFixed(1)} %; ratio warroom/htop median ${stats(ratios).median.toFixed(2)}× (per run ${ratios.map((x) => x.toFixed(2)).join(', ')})`);
    }
  }
  console.log(`   load average ${loadavg()[0]!.toFixed(1)} at the end`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main({ quick: process.argv.includes('--quick') });
