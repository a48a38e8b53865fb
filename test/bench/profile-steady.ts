// Scratch: profile the console in the B6 steady state (not committed).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { childPid, cpuSeconds, startFixture } from './estate-fixture.js';
import { PtyRun } from './pty.js';

const bin = fileURLToPath(new URL('../../bin/warroom.js', import.meta.url));
const FRAME = '\x1b[?2026h';
const dir = mkdtempSync(join(tmpdir(), 'warroom-prof-'));
const fixture = await startFixture({ dir, checks: 50, logFiles: 5, linesPerSecond: 100, panels: 8 });
const profDir = process.argv[2] ?? '/tmp/prof';
const run = new PtyRun(`${process.env.NOPROF ? process.execPath : process.execPath + " --cpu-prof --cpu-prof-dir=" + profDir} ${bin} open --config ${fixture.configPath}`, { columns: 160, rows: 48, cwd: dir, keepOutput: false });
let frames = 0;
let last = '';
run.onData = (text) => { frames += text.split(FRAME).length - 1; last = text; };
await run.waitFor((out) => out.includes('Runbook'), 30_000);
await new Promise((r) => setTimeout(r, 3000));
const pid = childPid(run.pid!)!;
const c0 = cpuSeconds(pid); const f0 = frames; const t0 = performance.now();
await new Promise((r) => setTimeout(r, Number(process.env.WINDOW ?? 10_000)));
const s = (performance.now() - t0) / 1000;
{ const { readdirSync, readFileSync } = await import('node:fs');
  for (const tid of readdirSync(`/proc/${pid}/task`)) { const st = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8'); const f = st.slice(st.lastIndexOf(')') + 2).split(' '); const name = st.slice(st.indexOf('(') + 1, st.lastIndexOf(')')); const t = (Number(f[11]) + Number(f[12])) / 100; if (t > 0.05) console.log(`  thread ${name}: ${t.toFixed(2)} s total`); } }
console.log(`cpu ${(((cpuSeconds(pid) - c0) / s) * 100).toFixed(1)}%  frames/s ${((frames - f0) / s).toFixed(1)}`);
if (process.argv.includes('--show')) console.log(JSON.stringify(last.slice(0, 3000)));
await run.stop();
await fixture.stop();
