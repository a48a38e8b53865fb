// A steady, synthetic estate for the console benchmarks: one HTTP server answering N health
// checks and a /metrics page, log files appended at a fixed rate, and a warroom.yaml for it.
import { createServer, type Server } from 'node:http';
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';

/** What a benchmark estate is asked to produce. */
export interface FixtureOptions {
  dir: string;
  checks: number;
  logFiles: number;
  /** Lines per second across all files. */
  linesPerSecond: number;
  panels: number;
  /** Write the arrival time into each line (for lag measurements). */
  stampLines?: boolean;
}

/** A running fixture; stop() ends the server and the writers. */
export interface Fixture {
  configPath: string;
  logPaths: string[];
  linesWritten: () => number;
  stop: () => Promise<void>;
}

/** Starts the fixture and writes its warroom.yaml into `dir`. */
export async function startFixture(options: FixtureOptions): Promise<Fixture> {
  mkdirSync(options.dir, { recursive: true });
  let counter = 0;
  const server: Server = createServer((req, res) => {
    if (req.url?.startsWith('/metrics')) {
      counter += 7;
      res.setHeader('content-type', 'text/plain; version=0.0.4');
      res.end(`# TYPE bench_requests_total counter\nbench_requests_total ${counter}\n# TYPE bench_queue gauge\nbench_queue ${counter % 100}\n`);
      return;
    }
    res.setHeader('content-type', 'application/json');
    res.end('{"status":"healthy"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  const logPaths = Array.from({ length: options.logFiles }, (_, i) => join(options.dir, `svc-${i}.log`));
  for (const path of logPaths) writeFileSync(path, '');
  let written = 0;
  const tickMs = 50;
  const perTick = (options.linesPerSecond * tickMs) / 1000;
  let owed = 0;
  // One append per file per tick, however many lines: the writer must not be the bottleneck.
  const writer = setInterval(() => {
    owed += perTick;
    const n = Math.floor(owed);
    owed -= n;
    const batches: string[][] = logPaths.map(() => []);
    const stamp = options.stampLines ? ` t=${Date.now()}` : '';
    for (let i = 0; i < n; i++) {
      const level = written % 50 === 0 ? 'ERROR' : written % 10 === 0 ? 'WARN' : 'INFO';
      batches[written % logPaths.length]!.push(`2026-11-23T12:00:00Z ${level} bench line ${written}${stamp} request handled\n`);
      written++;
    }
    batches.forEach((lines, i) => {
      if (lines.length > 0) appendFileSync(logPaths[i]!, lines.join(''));
    });
  }, tickMs);

  const panels = Array.from({ length: options.panels }, (_, i) =>
    [
      `    - title: panel ${i + 1}`,
      `      scrape: http://127.0.0.1:${port}/metrics?p=${i}`,
      `      metric: ${i % 2 === 0 ? 'bench_requests_total' : 'bench_queue'}`,
      `      warn: 1000000`,
    ].join('\n'),
  );
  const yaml = [
    'incident: { title: benchmark estate, severity: P3 }',
    'services:',
    '  - name: fleet',
    '    checks:',
    `      - http: http://127.0.0.1:${port}/health/{port}`,
    `        ports: "1-${options.checks}"`,
    '        interval: 2s',
    '    logs:',
    ...logPaths.map((path) => `      - file: ${path}`),
    'metrics:',
    '  step: 2s',
    '  range: 5m',
    '  panels:',
    ...panels,
    'timeline:',
    `  dir: ${join(options.dir, 'incidents')}`,
    '',
  ].join('\n');
  const configPath = join(options.dir, 'warroom.yaml');
  writeFileSync(configPath, yaml);
  return {
    configPath,
    logPaths,
    linesWritten: () => written,
    stop: async () => {
      clearInterval(writer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** CPU seconds (user + system) a process has used so far, from /proc. */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return ticks / 100;
}

/** Resident memory of a process in MB, from /proc. */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

/** The first child of a process (the program `script` runs), from /proc. */
export function childPid(pid: number): number | undefined {
  try {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/);
    return children[0] ? Number(children[0]) : undefined;
  } catch {
    return undefined;
  }
}
