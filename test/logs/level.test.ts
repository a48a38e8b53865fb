import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classifyLevel, Level, LEVEL_NAMES } from '../../src/logs/level.js';

const cases: Array<[string, Level]> = [
  ['2024-05-01T10:00:00Z ERROR payment failed', Level.error],
  ['2024-05-01 10:00:00,123 ERR connection reset', Level.error],
  ['[2024-05-01 10:00:00] WARN slow query', Level.warn],
  ['WARNING: disk 91% full', Level.warn],
  ['INFO server started', Level.info],
  ['DEBUG cache miss key=a', Level.debug],
  ['TRACE entering handler', Level.trace],
  ['FATAL out of memory', Level.fatal],
  ['PANIC: runtime error', Level.fatal],
  ['CRITICAL replication broken', Level.critical],
  ['CRIT disk failure', Level.critical],
  ['ts=2024 level=error msg="db down"', Level.error],
  ['ts=2024 level=warn msg=slow', Level.warn],
  ['ts=2024 level="info" msg=ok', Level.info],
  ['ts=2024 level=debug', Level.debug],
  ['time=x lvl=info loglevel=x somelevel=error', Level.unknown],
  ['ts=1 app.level=debug ERROR boom', Level.error],
  ['ts=1 level=verbose msg="ERROR in text"', Level.unknown],
  ['[main] [Warn] retrying', Level.warn],
  ['{"time":"x","level":"error","msg":"boom"}', Level.error],
  ['{"level": "WARN", "msg": "hmm"}', Level.warn],
  ['{"severity":"CRITICAL","message":"x"}', Level.critical],
  ['{"level":50,"msg":"pino error"}', Level.error],
  ['{"level":30,"msg":"pino info"}', Level.info],
  ['{"msg":"no level here"}', Level.unknown],
  ['<3>Oct 11 22:14:15 host app: failed', Level.error],
  ['<4>Oct 11 22:14:15 host app: hmm', Level.warn],
  ['<14>Oct 11 22:14:15 host app: fine', Level.info],
  ['<0>kernel panic', Level.fatal],
  ['<15>debug thing', Level.debug],
  ['2024/05/01 10:00:00 [error] 12#0: upstream timed out', Level.error],
  ['2024/05/01 10:00:00 [warn] 12#0: buffered', Level.warn],
  ['E1123 11:23:03.123456   1 controller.go:114] sync failed', Level.error],
  ['I1123 11:23:03.123456   1 main.go:10] starting', Level.info],
  ['no level in this line at all', Level.unknown],
  ['an error occurred but in lower case', Level.unknown],
  ['ERRORS_TOTAL=5 INFORMATION only', Level.unknown],
  ['GET /error 200', Level.unknown],
  ['2024 INFO retry after ERROR', Level.info],
  // A JSON object after a timestamp prefix (docker, kubectl --timestamps, journald): its own level.
  ['2026-12-03T08:12:26.810Z {"level":"error","msg":"queue full"}', Level.error],
  ['2026-12-03T08:12:26.810Z stdout F {"level":"warn","msg":"slow"}', Level.warn],
  ['2026-12-03 08:12:26 {"severity":"CRITICAL","message":"x"}', Level.critical],
  ['2026-12-03T08:12:26Z {"level":"info","msg":"retrying after ERROR"}', Level.info],
  ['2026-12-03T08:12:26Z {"level":50,"msg":"pino error"}', Level.error],
  ['2026-12-03T08:12:26Z {"msg":"no level"} ERROR after it', Level.error],
  ['2026-12-03T08:12:26Z ERROR {"user":"x"}', Level.error],
];

for (const [line, level] of cases) {
  test(`classifyLevel ${JSON.stringify(line)} -> ${LEVEL_NAMES[level]}`, () => {
    assert.equal(LEVEL_NAMES[classifyLevel(line)], LEVEL_NAMES[level]);
  });
}
