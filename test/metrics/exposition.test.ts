import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ExpositionParseError, parseExposition, type MetricFamily } from '../../src/metrics/exposition.js';

const byName = (families: MetricFamily[], name: string): MetricFamily => {
  const found = families.find((f) => f.name === name);
  assert.ok(found, `family ${name} present`);
  return found;
};

test('the text format example: HELP/TYPE, timestamps, escapes, +Inf, histogram', () => {
  const text = [
    '# HELP http_requests_total The total number of HTTP requests.',
    '# TYPE http_requests_total counter',
    'http_requests_total{method="post",code="200"} 1027 1395066363000',
    'http_requests_total{method="post",code="400"}    3 1395066363000',
    '',
    '# Escaping in label values:',
    String.raw`msdos_file_access_time_seconds{path="C:\\DIR\\FILE.TXT",error="Cannot find file:\n\"FILE.TXT\""} 1.458255915e9`,
    'metric_without_timestamp_and_labels 12.47',
    'something_weird{problem="division by zero"} +Inf -3982045',
    '# HELP http_request_duration_seconds A histogram\\nof durations.',
    '# TYPE http_request_duration_seconds histogram',
    'http_request_duration_seconds_bucket{le="0.05"} 24054',
    'http_request_duration_seconds_bucket{le="+Inf"} 144320',
    'http_request_duration_seconds_sum 53423',
    'http_request_duration_seconds_count 144320',
    '',
  ].join('\n');
  const families = parseExposition(text);
  const requests = byName(families, 'http_requests_total');
  assert.equal(requests.type, 'counter');
  assert.equal(requests.samples[0]!.timestampMs, 1395066363000);
  assert.equal(requests.samples[1]!.value, 3);
  const msdos = byName(families, 'msdos_file_access_time_seconds');
  assert.deepEqual(msdos.samples[0]!.labels, { path: 'C:\\DIR\\FILE.TXT', error: 'Cannot find file:\n"FILE.TXT"' });
  assert.equal(msdos.samples[0]!.value, 1.458255915e9);
  const weird = byName(families, 'something_weird');
  assert.equal(weird.samples[0]!.value, Infinity);
  assert.equal(weird.samples[0]!.timestampMs, -3982045);
  const hist = byName(families, 'http_request_duration_seconds');
  assert.equal(hist.type, 'histogram');
  assert.equal(hist.help, 'A histogram\nof durations.');
  assert.deepEqual(
    hist.samples.map((s) => s.name),
    ['http_request_duration_seconds_bucket', 'http_request_duration_seconds_bucket', 'http_request_duration_seconds_sum', 'http_request_duration_seconds_count'],
  );
  assert.equal(families.length, 5);
});

test('HELP may come after TYPE, a trailing comma in labels is fine, NaN is kept', () => {
  const families = parseExposition('# TYPE a gauge\n# HELP a docs\na{x="1",} NaN\n');
  assert.equal(families[0]!.type, 'gauge');
  assert.equal(families[0]!.help, 'docs');
  assert.ok(Number.isNaN(families[0]!.samples[0]!.value));
});

test('OpenMetrics: _total counters, exemplars, float timestamps, UNIT, # EOF', () => {
  const text = [
    '# TYPE foo counter',
    '# UNIT foo seconds',
    '# HELP foo A counter with \\"quotes\\"',
    'foo_total{a="b"} 17.0 1520879607.789 # {trace_id="KOO5S4vxi0o"} 0.67',
    'foo_created{a="b"} 1520430000.123',
    '# TYPE hist histogram',
    'hist_bucket{le="0.5"} 1 # {trace_id="x"} 0.4 1520879607.1',
    'hist_bucket{le="+Inf"} 2',
    'hist_count 2',
    'hist_sum 1.2',
    '# EOF',
    '',
  ].join('\n');
  const families = parseExposition(text);
  const foo = byName(families, 'foo');
  assert.equal(foo.type, 'counter');
  assert.equal(foo.unit, 'seconds');
  assert.equal(foo.help, 'A counter with "quotes"');
  assert.equal(foo.samples[0]!.value, 17);
  assert.equal(foo.samples[0]!.timestampMs, 1520879607789);
  assert.equal(byName(families, 'hist').samples.length, 4);
});

const rejected: [string, string, 'auto' | 'prometheus' | 'openmetrics'][] = [
  ['unterminated label value', 'a{x="1} 1\n', 'auto'],
  ['invalid escape', 'a{x="\\t"} 1\n', 'auto'],
  ['missing value', 'a{x="1"}\n', 'auto'],
  ['bad value', 'a 1.2.3\n', 'auto'],
  ['bad metric name', '1abc 1\n', 'auto'],
  ['bad label name', 'a{1x="1"} 1\n', 'auto'],
  ['duplicate label', 'a{x="1",x="2"} 1\n', 'auto'],
  ['second TYPE', '# TYPE a gauge\n# TYPE a counter\na 1\n', 'auto'],
  ['second HELP', '# HELP a one\n# HELP a two\na 1\n', 'auto'],
  ['TYPE after samples', 'a 1\n# TYPE a gauge\n', 'auto'],
  ['unknown type', '# TYPE a thing\n', 'auto'],
  ['float timestamp in 0.0.4', 'a 1 1.5\n', 'prometheus'],
  ['text after timestamp', 'a 1 2 3\n', 'auto'],
  ['bucket without le', '# TYPE h histogram\nh_bucket 1\n', 'auto'],
  ['bucket with bad le', '# TYPE h histogram\nh_bucket{le="x"} 1\n', 'auto'],
  ['summary without quantile', '# TYPE s summary\ns 1\n', 'auto'],
  ['OpenMetrics without # EOF', '# TYPE a gauge\na 1\n', 'openmetrics'],
  ['text after # EOF', 'a 1\n# EOF\na 2\n', 'openmetrics'],
  ['OpenMetrics counter without _total', '# TYPE c counter\nc 1\n# EOF\n', 'auto'],
  ['blank line in OpenMetrics', 'a 1\n\n# EOF\n', 'openmetrics'],
  ['plain comment in OpenMetrics', '# hello\na 1\n# EOF\n', 'openmetrics'],
  ['exemplar in 0.0.4', 'a 1 # {x="y"} 1\n', 'prometheus'],
  ['bad exemplar', 'a_total 1 # {x="y"}\n# EOF\n', 'auto'],
  ['interleaved family in OpenMetrics', 'a 1\nb 1\na{x="1"} 2\n# EOF\n', 'auto'],
];

for (const [name, text, format] of rejected) {
  test(`rejects: ${name}`, () => {
    assert.throws(() => parseExposition(text, format), ExpositionParseError);
  });
}

test('errors name the line', () => {
  try {
    parseExposition('ok 1\nok2 1\nbroken{ 1\n');
    assert.fail('should throw');
  } catch (error) {
    assert.ok(error instanceof ExpositionParseError);
    assert.equal(error.line, 3);
    assert.match(error.message, /^line 3: /);
  }
});

test('comment lines and blank lines are ignored in 0.0.4', () => {
  const families = parseExposition('# just a comment\n\n#another\n   \nx 1\n');
  assert.deepEqual(families, [{ name: 'x', type: 'untyped', samples: [{ name: 'x', labels: {}, value: 1 }] }]);
});

const validPage = [
  '# HELP a_total things',
  '# TYPE a_total counter',
  'a_total{path="/x",code="200"} 12 1700000000000',
  '# TYPE h histogram',
  'h_bucket{le="0.1"} 3',
  'h_bucket{le="+Inf"} 5',
  'h_sum 0.7',
  'h_count 5',
  'g{v="q\\"\\\\"} -1.5e-3',
  '',
].join('\n');

test('fuzz: arbitrary text only ever fails with ExpositionParseError', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
      try {
        parseExposition(text);
      } catch (error) {
        if (!(error instanceof ExpositionParseError)) throw error;
      }
    }),
    { numRuns: 3000 },
  );
});

test('fuzz: mutated valid pages only ever fail with ExpositionParseError', () => {
  const alphabet = ['{', '}', '"', '\\', ',', '=', ' ', '\t', '\n', '#', 'E', 'O', 'F', '+Inf', 'NaN', 'le', '_total', '.', '-', 'x', '0'];
  const mutation = fc.record({ at: fc.nat({ max: validPage.length }), cut: fc.nat({ max: 4 }), insert: fc.array(fc.constantFrom(...alphabet), { maxLength: 4 }) });
  fc.assert(
    fc.property(fc.array(mutation, { minLength: 1, maxLength: 5 }), fc.constantFrom('auto', 'prometheus', 'openmetrics'), (mutations, format) => {
      let text = validPage;
      for (const m of mutations) text = text.slice(0, m.at) + m.insert.join('') + text.slice(m.at + m.cut);
      try {
        const families = parseExposition(text, format as 'auto');
        for (const f of families) for (const s of f.samples) assert.equal(typeof s.value, 'number');
      } catch (error) {
        if (!(error instanceof ExpositionParseError)) throw error;
      }
    }),
    { numRuns: 3000 },
  );
});

test('the unmutated fuzz seed parses', () => {
  assert.equal(parseExposition(validPage).length, 3);
});

test('regression: prom-client writes NaN as "Nan" (Go ParseFloat accepts any case)', () => {
  const [family] = parseExposition('a Nan\nb inf\nc -Infinity\n');
  assert.ok(Number.isNaN(family!.samples[0]!.value));
  const all = parseExposition('a Nan\nb inf\nc -Infinity\n');
  assert.equal(all[1]!.samples[0]!.value, Infinity);
  assert.equal(all[2]!.samples[0]!.value, -Infinity);
  assert.throws(() => parseExposition('a +NaN\n'), ExpositionParseError);
});

test('a label named __proto__ is kept as a label, not a prototype', () => {
  const [family] = parseExposition('a{__proto__="x",constructor="y"} 1\n');
  const labels = family!.samples[0]!.labels;
  assert.equal(Object.getPrototypeOf(labels), Object.prototype);
  assert.deepEqual(Object.entries(labels), [['__proto__', 'x'], ['constructor', 'y']]);
});
