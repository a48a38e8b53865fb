// Whatever the file holds, the loader answers with a config or a ConfigError — never a crash
// with a stack trace. Random structures and damaged copies of the example drive it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { parseDuration } from '../../src/config/duration.js';
import { formatSetting } from '../../src/time/duration-text.js';
import { ConfigError, loadConfigText } from '../../src/config/load.js';

const example = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'config', 'example.yaml'), 'utf8');

function loadsOrExplains(text: string): void {
  try {
    loadConfigText(text, 'warroom.yaml', {});
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    for (const p of err.problems) {
      assert.ok(p.line >= 1 && p.col >= 1, `located: ${JSON.stringify(p)}`);
      assert.ok(p.message.length > 0);
    }
  }
}

const keys = fc.constantFrom(
  'incident', 'hosts', 'services', 'metrics', 'escalation', 'timeline', 'logs', 'name', 'checks', 'http', 'tcp',
  'command', 'promql', 'interval', 'timeout', 'ports', 'instances', 'actions', 'run', 'host', 'panels', 'query',
  'scrape', 'policy', 'contacts', 'after', 'notify', 'severity', 'title', 'label', 'expect', 'status', 'json',
);
const leaf = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.constantFrom('5s', '-1s', '8000-8002', '{port}', '{host}', 'P1', 'http://127.0.0.1:{port}/'));
const tree = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('node'), { maxLength: 3 }), fc.dictionary(keys, tie('node'), { maxKeys: 4 })),
})).node;

test('random structures load or fail with located problems', () => {
  fc.assert(fc.property(fc.dictionary(keys, tree, { maxKeys: 5 }), (value) => loadsOrExplains(stringify(value))), { numRuns: 400 });
});

test('damaged copies of the example load or fail with located problems', () => {
  const lines = example.split('\n');
  fc.assert(
    fc.property(fc.nat(lines.length - 1), fc.nat(80), fc.constantFrom('', ' ', '\t', ':', '-', '{', '"', 'x', '${'), (line, col, junk) => {
      const copy = [...lines];
      const text = copy[line] ?? '';
      copy[line] = text.slice(0, col) + junk + text.slice(col + 1);
      loadsOrExplains(copy.join('\n'));
    }),
    { numRuns: 400 },
  );
});

test('durations survive a format and parse round trip', () => {
  fc.assert(fc.property(fc.integer({ min: 1, max: 10 * 86_400 }), (seconds) => {
    assert.equal(parseDuration(formatSetting(seconds * 1000)), seconds * 1000);
  }));
});
