import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatEntry, type LogEntry } from '../../src/demo/log-format.js';

const now = new Date('2026-01-02T03:04:05.678Z');
const entry: LogEntry = { level: 'ERROR', message: 'timeout acquiring connection', fields: { pool: 'orders-db', waited_ms: 2100 } };
const withStack: LogEntry = { ...entry, stack: ['Error: boom', 'at f (x.js:1:1)'] };

const cases = [
  { format: 'text', entry, expected: ['2026-01-02T03:04:05.678Z ERROR [svc] timeout acquiring connection pool=orders-db waited_ms=2100'] },
  { format: 'text', entry: withStack, expected: ['2026-01-02T03:04:05.678Z ERROR [svc] timeout acquiring connection pool=orders-db waited_ms=2100', '    Error: boom', '    at f (x.js:1:1)'] },
  { format: 'logfmt', entry, expected: ['time=2026-01-02T03:04:05.678Z level=error service=svc msg="timeout acquiring connection" pool=orders-db waited_ms=2100'] },
  {
    format: 'json',
    entry: withStack,
    expected: [JSON.stringify({ time: '2026-01-02T03:04:05.678Z', level: 'error', service: 'svc', msg: 'timeout acquiring connection', pool: 'orders-db', waited_ms: 2100, stack: 'Error: boom\nat f (x.js:1:1)' })],
  },
] as const;

for (const { format, entry: input, expected } of cases) {
  test(`formats ${format}${input.stack ? ' with a stack' : ''}`, () => {
    assert.deepEqual(formatEntry(format, 'svc', input, now), expected);
  });
}
