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
  /** Every line at this level instead of the usual mix (1 in 50 ERROR, 1 in 10 WARN, else INFO). */
  level?: string;
  /** Give log file i the tag `f{i}` (by default every file is tagged with the service name). */
  tagFiles?: boolean;
  /** Do not append until startWriting() is called. */
  deferWriting?: boolean;
  /** Told of each append round: its write time (Date.now(), the `t=` stamp) and how many lines. */
  onWrite?: (stamp: number, lines: number) => void;
}

/** A running fixture; stop() ends the server and the writers. */
export interface Fixture {
  configPath: string;
  logPaths: string[];
  linesWritten: () => number;
  /** Starts (or restarts) appending at the configured rate. */
  startWriting: () => void;
  /** Stops appending; the server keeps running. */
  stopWriting: () => void;
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
  let owed = 0;
  // One append per file per tick, however many lines: the writer must not be the bottleneck.
  // Owed lines follow the clock, not the tick count, so a late timer does not lower the rate.
  let last = performance.now();
  const tick = () => {
    const at = performance.now();
    owed = Math.min(owed + ((at - last) / 1000) * options.linesPerSecond, options.linesPerSecond);
    last = at;
    const n = Math.floor(owed);
    owed -= n;
    const batches: string[][] = logPaths.map(() => []);
    const now = Date.now();
    const stamp = options.stampLines ? ` t=${now}` : '';
    for (let i = 0; i < n; i++) {
      const level = options.level ?? (written % 50 === 0 ? 'ERROR' : written % 10 === 0 ? 'WARN' : 'INFO');
      batches[written % logPaths.length]!.push(`2026-11-23T12:00:00Z ${level} bench line ${written}${stamp} request handled\n`);
      written++;
    }
    options.onWrite?.(now, n);
    batches.forEach((lines, i) => {
      if (lines.length > 0) appendFileSync(logPaths[i]!, lines.join(''));
    });
  };
  let writer: NodeJS.Timeout | null = null;
  const startWriting = () => {
    if (writer !== null) return;
    last = performance.now();
    writer = setInterval(tick, tickMs);
  };
  const stopWriting = () => {
    if (writer !== null) clearInterval(writer);
    writer = null;
  };
  if (!options.deferWriting) startWriting();

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
    ...logPaths.map((path, i) => (options.tagFiles ? `      - { file: ${path}, tag: f${i} }` : `      - file: ${path}`)),
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
    startWriting,
    stopWriting,
    stop: async () => {
      stopWriting();
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
