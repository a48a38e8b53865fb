// B4: keypress to the frame that shows its effect, while 10 log files are appended at 20,000
// lines/s in total (the B3 flood), console in a 160x48 pseudo-terminal. Target: p99 ≤ 50 ms.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFixture } from './estate-fixture.js';
import { PtyRun, stats } from './pty.js';

const bin = fileURLToPath(new URL('../../bin/warroom.js', import.meta.url));

/** Runs B4 and prints median and p99 keypress-to-frame latency. */
export async function main({ quick = false } = {}): Promise<void> {
  const presses = quick ? 10 : 40;
  const dir = mkdtempSync(join(tmpdir(), 'warroom-b4-'));
  const fixture = await startFixture({ dir, checks: 20, logFiles: 10, linesPerSecond: 20_000, panels: 4 });
  const run = new PtyRun(`${process.execPath} ${bin} open --config ${fixture.configPath}`, { columns: 160, rows: 48, cwd: dir, keepOutput: false, screen: true });
  const latencies: number[] = [];
  try {
    await run.waitForScreen((screen) => screen.includes('4 Runbook'), 30_000);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    for (let i = 0; i < presses; i++) {
      // `?` opens the help overlay and Esc closes it: each press has a visible effect. The screen
      // is read from a terminal emulator fed the console's output (only changed cells are
      // written, so the text of a frame is not in the stream); a press's latency ends when the
      // bytes that put its effect on screen arrived.
      const open = performance.now();
      run.write('?');
      latencies.push((await run.waitForScreen((screen) => screen.includes('Help: keys'), 10_000)) - open);
      const close = performance.now();
      run.write('\x1b');
      latencies.push((await run.waitForScreen((screen) => screen.includes('4 Runbook') && !screen.includes('Help: keys'), 10_000)) - close);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await run.stop();
    await fixture.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  const s = stats(latencies);
  console.log(`B4 keypress to frame under a 20,000 lines/s flood (160x48), ${s.n} presses: median ${s.median.toFixed(1)} ms, p99 ${s.p99.toFixed(1)} ms (target p99 ≤ 50 ms)`);
  console.log(`   lines written during the run: ${fixture.linesWritten()}`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main({ quick: process.argv.includes('--quick') });
