// B1: one sweep of 1,000 HTTP checks on loopback, bounded at the default concurrency (64),
// beside the runbooks' way — a bash loop of `curl -sf` per target — run over a sample and
// scaled (printed as such). The server runs in a child process so it does not share the
// prober's event loop. Target (BENCHMARKS.md): ≤ 0.5 s per sweep, ≥ 50× faster than curl.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { HttpCheckConfig } from '../../src/config/types.js';
import { HttpCheck } from '../../src/probes/http-check.js';
import { createHttpPool } from '../../src/probes/http-pool.js';
import { sweepOnce } from '../../src/probes/sweep.js';

const CHECKS = 1000;
const CURL_SAMPLE = 50;
const WARMUP = 2;

// One child process, many listening ports (the `ports: "8000-8999"` shape) or one port with many paths.
const SERVER = `
const http = require('node:http');
const count = Number(process.argv[1]);
const mode = process.argv[2];
const handler = (req, res) => { res.setHeader('content-type', 'application/json'); res.end('{"status":"healthy"}'); };
const listen = () => new Promise((resolve) => { const s = http.createServer(handler); s.keepAliveTimeout = 60000; s.listen(0, '127.0.0.1', () => resolve(s.address().port)); });
(async () => {
  const ports = [];
  for (let i = 0; i < (mode === 'ports' ? count : 1); i++) ports.push(await listen());
  process.stdout.write(JSON.stringify(ports) + '\\n');
})();
`;

async function startServer(mode: 'ports' | 'paths'): Promise<{ urls: string[]; child: ChildProcess }> {
  const child = spawn(process.execPath, ['-e', SERVER, String(CHECKS), mode], { stdio: ['ignore', 'pipe', 'inherit'] });
  const ports = await new Promise<number[]>((resolve, reject) => {
    let text = '';
    child.stdout!.on('data', (d: Buffer) => {
      text += d.toString();
      if (text.includes('\n')) resolve(JSON.parse(text) as number[]);
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  const urls =
    mode === 'ports'
      ? ports.map((port) => `http://127.0.0.1:${port}/health`)
      : Array.from({ length: CHECKS }, (_, i) => `http://127.0.0.1:${ports[0]}/svc/${i}/health`);
  return { urls, child };
}

function config(url: string, i: number): HttpCheckConfig {
  return {
    id: `bench#${i}`,
    service: 'bench',
    label: url,
    kind: 'http',
    url,
    headers: {},
    followRedirects: false,
    expectJson: { status: 'healthy' },
    intervalMs: 5000,
    timeoutMs: 2000,
    downAfter: 2,
    upAfter: 1,
    pos: { file: 'bench', line: 1, col: 1 },
  };
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
}

async function sweeps(urls: string[], runs: number): Promise<{ cold: number; newConnections: number; median: number; p99: number; cpuMs: number }> {
  const pool = createHttpPool();
  const checks = urls.map((url, i) => new HttpCheck(config(url, i), pool, i));
  const times: number[] = [];
  let cold = 0;
  let cpuMs = 0;
  try {
    // Run 0 is the cold sweep (reported); runs 1-2 let the JIT settle; the rest are measured.
    for (let run = 0; run <= runs + WARMUP; run++) {
      const cpu = process.cpuUsage();
      const started = performance.now();
      const rows = await sweepOnce(checks, { concurrency: 64 });
      const ms = performance.now() - started;
      const used = process.cpuUsage(cpu);
      const notUp = rows.filter((r) => r.state !== 'UP');
      if (notUp.length > 0) throw new Error(`${notUp.length} rows not UP (first: ${notUp[0]?.reason})`);
      if (run === 0) cold = ms;
      else if (run > WARMUP) {
        times.push(ms);
        cpuMs += (used.user + used.system) / 1000;
      }
    }
  } finally {
    await pool.close();
  }
  // A fresh pool on a warmed-up process: the cost of new connections alone, without JIT warm-up.
  const fresh = createHttpPool();
  const started = performance.now();
  await sweepOnce(urls.map((url, i) => new HttpCheck(config(url, i), fresh, i)), { concurrency: 64 });
  const newConnections = performance.now() - started;
  await fresh.close();
  times.sort((a, b) => a - b);
  return { cold, newConnections, median: quantile(times, 0.5), p99: quantile(times, 0.99), cpuMs: cpuMs / runs };
}

function curlLoop(urls: string[]): number | null {
  if (spawnSync('sh', ['-c', 'command -v curl'], { encoding: 'utf8' }).status !== 0) return null;
  const script = 'for url in "$@"; do curl -sf "$url" > /dev/null || exit 1; done';
  const started = performance.now();
  const result = spawnSync('bash', ['-c', script, 'curl-loop', ...urls], { stdio: 'ignore' });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error('curl loop failed');
  return ms;
}

const f = (ms: number): string => `${ms.toFixed(1)} ms`;

/** Runs B1 and prints its figures. */
export async function main({ quick = false }: { quick?: boolean } = {}): Promise<void> {
  const runs = quick ? 3 : 10;
  for (const mode of ['ports', 'paths'] as const) {
    const { urls, child } = await startServer(mode);
    try {
      const shape = mode === 'ports' ? `${CHECKS} ports, one /health each` : `one port, ${CHECKS} paths`;
      const ours = await sweeps(urls, runs);
      process.stdout.write(
        `B1 [${shape}] warroom sweep, concurrency 64, JSON match: first in a fresh process ${f(ours.cold)}, ` +
          `new connections on a warm process ${f(ours.newConnections)}; ` +
          `warm (after ${WARMUP} unmeasured sweeps) over ${runs} runs: median ${f(ours.median)}, p99 ${f(ours.p99)}, CPU ${f(ours.cpuMs)} per sweep (target ≤ 500 ms)\n`,
      );
      const sample = urls.filter((_, i) => i % Math.floor(CHECKS / CURL_SAMPLE) === 0).slice(0, CURL_SAMPLE);
      const curl = curlLoop(sample);
      if (curl === null) {
        process.stdout.write('B1 peer: bash loop of curl -sf: skipped (curl not installed)\n');
        continue;
      }
      const scaled = (curl * CHECKS) / sample.length;
      process.stdout.write(
        `B1 peer: bash loop of curl -sf over a sample of ${sample.length} targets: ${f(curl)} ` +
          `(${f(curl / sample.length)} per target), scaled to ${CHECKS}: ${(scaled / 1000).toFixed(2)} s (scaled, not measured)\n`,
      );
      process.stdout.write(`B1 ratio: warroom is ${(scaled / ours.median).toFixed(0)}× faster than the curl loop (median warm sweep; target ≥ 50×)\n`);
    } finally {
      child.kill();
    }
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main({ quick: process.argv.includes('--quick') }).catch((error: unknown) => {
    process.stderr.write(`B1 broke: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
