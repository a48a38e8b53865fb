// Scratch: RSS over time of the console under a log flood (not committed).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { childPid, rssMb, startFixture } from './estate-fixture.js';
import { PtyRun } from './pty.js';
const bin = fileURLToPath(new URL('../../bin/warroom.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'warroom-rss-'));
const rate = Number(process.argv[2] ?? 2000);
const fixture = await startFixture({ dir, checks: 10, logFiles: 5, linesPerSecond: rate, panels: 2 });
const run = new PtyRun(`${process.execPath} ${bin} open --config ${fixture.configPath}`, { columns: 160, rows: 48, cwd: dir, keepOutput: false });
await run.waitFor((out) => out.includes('Runbook'), 30_000).catch(() => {});
await new Promise((r) => setTimeout(r, 2000));
const pid = childPid(run.pid!)!;
for (let i = 0; i < 8; i++) { console.log(`t=${i * 10}s rss ${rssMb(pid).toFixed(0)} MB`); await new Promise((r) => setTimeout(r, 10_000)); }
await run.stop(); await fixture.stop();
