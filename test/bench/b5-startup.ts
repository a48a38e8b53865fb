// B5: start to first full frame of the compiled `warroom demo` in a 160x48 pseudo-terminal,
// beside `node -e 0` started the same way (the floor: Node's own start-up).
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PtyRun, stats } from './pty.js';

const bin = fileURLToPath(new URL('../../bin/warroom.js', import.meta.url));

/** Which build bin/warroom.js runs: the bundle while it is as new as tsc's output (as the launcher decides). */
function buildRun(): string {
  const mtime = (path: string) => statSync(fileURLToPath(new URL(path, import.meta.url))).mtimeMs;
  try {
    if (mtime('../../dist/bundle/main.js') >= mtime('../../dist/src/cli/main.js')) return 'bundled';
  } catch {
    // no bundle
  }
  return 'unbundled: tsc output only, `npm run build` bundles it';
}

/** Runs B5 and prints median/p99 of both and the ratio. */
export async function main({ quick = false } = {}): Promise<void> {
  const runs = quick ? 3 : 10;
  const warroom: number[] = [];
  const floor: number[] = [];
  for (let i = 0; i < runs; i++) {
    const cwd = mkdtempSync(join(tmpdir(), 'warroom-b5-'));
    const run = new PtyRun(`${process.execPath} ${bin} demo`, { columns: 160, rows: 48, cwd });
    try {
      // The first full frame: the header and every pane's frame drawn.
      warroom.push(await run.waitFor((out) => out.includes('4 Runbook') && out.includes('INC-')));
    } finally {
      // Also when the wait fails: a console left running would load every benchmark after it.
      await run.stop();
      rmSync(cwd, { recursive: true, force: true });
    }

    const node = new PtyRun(`${process.execPath} -e 0`, { columns: 160, rows: 48 });
    await node.exited;
    floor.push(performance.now() - node.startedAt);
  }
  const w = stats(warroom);
  const f = stats(floor);
  console.log(`B5 start to first full frame (warroom demo, compiled, ${buildRun()}), ${runs} runs: median ${w.median.toFixed(0)} ms, p99 ${w.p99.toFixed(0)} ms (target ≤ 400 ms)`);
  console.log(`   peer node -e 0 under the same pty: median ${f.median.toFixed(0)} ms, p99 ${f.p99.toFixed(0)} ms`);
  console.log(`   ratio warroom/node: ${(w.median / f.median).toFixed(1)}x; warroom's own start-up above the floor: ${(w.median - f.median).toFixed(0)} ms`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main({ quick: process.argv.includes('--quick') });
