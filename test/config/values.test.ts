// Small value parsers: port specs, severities, "did you mean" suggestions.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAX_PORT_ROWS, parsePorts } from '../../src/config/ports.js';
import { parseSeverity } from '../../src/config/severity.js';
import { closest, editDistance } from '../../src/config/suggest.js';

test('port specs expand in order', () => {
  assert.deepEqual(parsePorts('8000-8003,5700'), [8000, 8001, 8002, 8003, 5700]);
  assert.deepEqual(parsePorts(' 80 , 443 '), [80, 443]);
  assert.deepEqual(parsePorts(9090), [9090]);
  assert.deepEqual(parsePorts([8000, '8001-8002']), [8000, 8001, 8002]);
  assert.equal((parsePorts(`1-${MAX_PORT_ROWS}`) as number[]).length, MAX_PORT_ROWS);
});

test('bad port specs say why', () => {
  const bad: [string, RegExp][] = [
    ['8010-8000', /runs backwards/],
    ['0', /out of range/],
    ['65536', /out of range/],
    ['80,,81', /expected ports like/],
    ['http', /expected ports like/],
    ['80,80', /listed twice/],
    [`1-${MAX_PORT_ROWS + 1}`, /more than/],
  ];
  for (const [spec, why] of bad) {
    const result = parsePorts(spec);
    assert.equal(typeof result, 'string', spec);
    assert.match(result as string, why);
  }
});

test('severities and their SEV synonyms', () => {
  assert.equal(parseSeverity('P0'), 'P0');
  assert.equal(parseSeverity('p3'), 'P3');
  assert.equal(parseSeverity('SEV-1'), 'P1');
  assert.equal(parseSeverity('sev4'), 'P4');
  assert.equal(parseSeverity(' P2 '), 'P2');
  for (const bad of ['P5', 'SEV-5', 'critical', '', '1', 'P-1', 'high']) assert.equal(parseSeverity(bad), undefined, bad);
});

test('suggestions only for plausible typos', () => {
  assert.equal(editDistance('intervl', 'interval'), 1);
  assert.equal(closest('intervl', ['interval', 'timeout']), 'interval');
  assert.equal(closest('tiemout', ['interval', 'timeout']), 'timeout');
  assert.equal(closest('Severity', ['severity', 'title']), 'severity');
  assert.equal(closest('banana', ['interval', 'timeout']), undefined);
});
