// A synthetic mixed-level log file shared by the log benchmarks (B2, B10).
import { closeSync, existsSync, openSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const LEVELS = ['INFO', 'INFO', 'INFO', 'DEBUG', 'WARN', 'ERROR', 'INFO', 'TRACE'];
const SERVICES = ['checkout', 'payments', 'gateway', 'auth'];

/** One generated line: plain text, logfmt and JSON styles mixed, ~110 bytes, a few with escapes. */
export function fixtureLine(i: number): string {
  const level = LEVELS[i % LEVELS.length];
  const ts = new Date(1_700_000_000_000 + i * 7).toISOString();
  const svc = SERVICES[i % SERVICES.length];
  switch (i % 5) {
    case 0:
      return `ts=${ts} level=${level.toLowerCase()} svc=${svc} msg="request handled" req=${i} dur=${i % 997}ms`;
    case 1:
      return `{"time":"${ts}","level":"${level.toLowerCase()}","svc":"${svc}","msg":"upstream call","req":${i}}`;
    case 2:
      return `${ts} \x1b[32m${level}\x1b[0m [${svc}] GET /api/orders/${i} 200 ${i % 311}ms`;
    default:
      return `${ts} ${level} [${svc}] processed batch ${i} items=${i % 50} queue=payments`;
  }
}

/** Writes (once) a file of `lines` fixture lines in the temp folder and returns its path. */
export function fixtureFile(lines: number): string {
  const path = join(tmpdir(), `warroom-bench-${lines}.log`);
  if (existsSync(path) && statSync(path).size > 0) return path;
  const fd = openSync(path, 'w');
  let batch: string[] = [];
  for (let i = 0; i < lines; i++) {
    batch.push(fixtureLine(i));
    if (batch.length === 10_000) {
      writeSync(fd, batch.join('\n') + '\n');
      batch = [];
    }
  }
  if (batch.length > 0) writeSync(fd, batch.join('\n') + '\n');
  closeSync(fd);
  return path;
}
