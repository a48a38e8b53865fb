// B8: timeline append flushed to disk. One process's record() latency (write + fdatasync,
// redaction included), beside the floor of a bare write+fdatasync of the same line; then two
// processes appending 10,000 events each to one incident: no torn or lost line, and how long
// each takes to see the other's events by following.
import { spawn } from 'node:child_process';
import { closeSync, constants, fdatasyncSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { openIncident } from '../../src/timeline/incidents.js';

const CHILD = fileURLToPath(new URL('../timeline/fixtures/append-child.ts', import.meta.url));

function quantiles(samples: number[]): { median: number; p99: number; max: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { median: at(0.5), p99: at(0.99), max: at(1) };
}

const ms = (n: number): string => `${n.toFixed(2)} ms`;

function singleProcess(dir: string, count: number): void {
  const journal = openIncident(dir, { title: 'b8 single', severity: 'P2', operator: 'bench', follow: false });
  const record: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const t = performance.now();
    journal.record('check.state', { check: 'http /health', service: 'checkout-api', from: 'UP', to: 'DOWN', reason: `HTTP 503 #${i}` });
    record.push(performance.now() - t);
  }
  const line = readFileSync(journal.path, 'utf8').split('\n')[1] ?? '';
  journal.close();

  const fd = openSync(join(dir, 'floor.jsonl'), constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT);
  const floor: number[] = [];
  const bytes = Buffer.from(`${line}\n`);
  for (let i = 0; i < count; i += 1) {
    const t = performance.now();
    writeSync(fd, bytes);
    fdatasyncSync(fd);
    floor.push(performance.now() - t);
  }
  closeSync(fd);
  const r = quantiles(record);
  const f = quantiles(floor);
  console.log(`B8 single process, ${count} events (target p99 ≤ 10 ms)`);
  console.log(`  record():           median ${ms(r.median)}  p99 ${ms(r.p99)}  max ${ms(r.max)}`);
  console.log(`  write+fdatasync:    median ${ms(f.median)}  p99 ${ms(f.p99)}  max ${ms(f.max)}  (the floor)`);
  console.log(`  ratio record/floor: median ${(r.median / f.median).toFixed(2)}x  p99 ${(r.p99 / f.p99).toFixed(2)}x`);
}

interface ChildFigures {
  name: string;
  writeMs: number;
  median: number;
  p99: number;
  max: number;
  seenOthers: number;
  catchUpMs: number;
}

function child(args: string[]): Promise<ChildFigures> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    proc.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    proc.on('close', (code) => (code === 0 ? resolve(JSON.parse(out.trim()) as ChildFigures) : reject(new Error(`child exited ${code}`))));
  });
}

async function twoProcesses(dir: string, count: number): Promise<void> {
  const incident = openIncident(dir, { title: 'b8 pair', severity: 'P2', operator: 'bench', follow: false });
  incident.close();
  const figures = await Promise.all(['writer-a', 'writer-b'].map((name) => child(['pair', dir, incident.id, name, String(count)])));
  const lines = readFileSync(incident.path, 'utf8').split('\n');
  const trailing = lines.pop();
  let torn = 0;
  const keys = new Set<string>();
  for (const line of lines) {
    try {
      const e = JSON.parse(line) as { kind: string; data: { writer?: string; seq?: number } };
      if (e.kind === 'note') keys.add(`${e.data.writer}/${e.data.seq}`);
    } catch {
      torn += 1;
    }
  }
  const lost = 2 * count - keys.size;
  console.log(`B8 two processes, ${count} events each (target: no torn or lost line)`);
  for (const f of figures) {
    console.log(
      `  ${f.name}: ${(f.writeMs / 1000).toFixed(2)} s to write, record() median ${ms(f.median)} p99 ${ms(f.p99)} max ${ms(f.max)}; ` +
        `saw ${f.seenOthers}/${count} of the other's, all within ${ms(f.catchUpMs)} after its own last write`,
    );
  }
  console.log(`  journal: ${lines.length} lines, ${torn} torn, ${lost} lost, ends with newline: ${trailing === ''}`);
}

/** Runs B8 and prints its figures. */
export async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'warroom-b8-'));
  try {
    singleProcess(dir, Number(process.env.B8_COUNT ?? 5000));
    await twoProcesses(dir, Number(process.env.B8_PAIR_COUNT ?? 10_000));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
