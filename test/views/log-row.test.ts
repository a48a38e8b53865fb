// Log rows as the pane draws them: structured lines in columns (the line's own short time, level,
// source, message first, then the other fields), fields on rows of their own when wrapped, and
// the filter's matches painted apart from the rest of the row.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LogIngest } from '../../src/logs/ingest.js';
import { clockTime, rowLayout, rowsOfLine, type LogRow, type RowOptions } from '../../views/logs/log-row.js';
import { matchRanges } from '../../views/logs/paint-runs.js';
import { createTheme } from '../../views/theme/theme.js';

const theme = createTheme('ansi256');
const TAGS = ['checkout-api', 'worker'];
const AT = Date.parse('2026-12-03T08:12:26.810Z');
const PLAIN: RowOptions = { selected: false, wrap: false, redact: null, filter: null };

function ingestOf(...lines: string[]): LogIngest {
  const ingest = new LogIngest(100);
  ingest.addSource(0);
  ingest.addSource(1);
  ingest.now = () => AT + 5000;
  for (const line of lines) ingest.acceptLine(0, line);
  return ingest;
}

function text(row: LogRow): string {
  return `${row.marker}${row.time ? `${row.time} ` : ''}${row.tag} ${row.mark} ${row.runs.map((r) => r.text).join('')}`;
}

test('at 120 columns the line that showed only its timestamp shows its message, with a short time', () => {
  const ingest = ingestOf('2026-12-03T08:12:26.810Z DEBUG [checkout-api] cache warmed for the spring sale entries=42');
  const [row] = rowsOfLine(ingest.ring, 0, rowLayout(58, TAGS), TAGS, theme, PLAIN);
  // 58 columns: the logs half of a 120-column screen.
  assert.equal(text(row!), ` ${clockTime(AT)} checkout-api D cache warmed for the spring sale `);
  assert.doesNotMatch(text(row!), /2026-12-03T/);
});

test('JSON and logfmt lines: time, level, source, message; the other fields after it, secondary', () => {
  const ingest = ingestOf(
    '{"time":"2026-12-03T08:12:26.810Z","level":"error","service":"checkout-api","msg":"payment declined","order":"o-17","code":402}',
    'time=2026-12-03T08:12:26.810Z level=warn logger=pool msg="slow query" dur=812ms',
  );
  const layout = rowLayout(100, TAGS);
  const [json] = rowsOfLine(ingest.ring, 0, layout, TAGS, theme, PLAIN);
  assert.equal(text(json!), ` ${clockTime(AT)} checkout-api E payment declined  order=o-17 code=402`);
  assert.deepEqual(json!.runs.map((r) => r.paint), [theme.levelText[5], theme.secondary]);
  const [logfmt] = rowsOfLine(ingest.ring, 1, layout, TAGS, theme, PLAIN);
  assert.equal(text(logfmt!), ` ${clockTime(AT)} checkout-api W [pool] slow query  dur=812ms`);
});

test('wrapped, the fields start a row of their own under the message', () => {
  const ingest = ingestOf('{"level":"info","msg":"a message long enough to wrap once here","request":"r-1","user":"u-2"}');
  const rows = rowsOfLine(ingest.ring, 0, rowLayout(40, TAGS), TAGS, theme, { ...PLAIN, wrap: true });
  const texts = rows.map((row) => row.runs.map((r) => r.text).join(''));
  assert.deepEqual(texts, ['a message long enough to', ' wrap once here', 'request=r-1 user=u-2']);
  assert.equal(rows[2]!.mark, ' ');
});

test('a line with no timestamp of its own shows its arrival time; unparsed text stays as written', () => {
  const ingest = ingestOf('plain words {"not":"json" at the end');
  const [row] = rowsOfLine(ingest.ring, 0, rowLayout(100, TAGS), TAGS, theme, PLAIN);
  assert.equal(text(row!), ` ${clockTime(AT + 5000)} checkout-api   plain words {"not":"json" at the end`);
});

test('filter matches are painted as matches, over the message and the fields, case as the filter says', () => {
  const ingest = ingestOf('{"level":"error","msg":"queue full","queue":"payments-queue"}');
  const [row] = rowsOfLine(ingest.ring, 0, rowLayout(100, TAGS), TAGS, theme, { ...PLAIN, filter: /queue/i });
  const matched = row!.runs.filter((run) => run.paint === theme.match).map((run) => run.text);
  assert.deepEqual(matched, ['queue', 'queue', 'queue']);
  assert.equal(row!.runs.map((r) => r.text).join(''), 'queue full  queue=payments-queue');
  assert.deepEqual(createTheme('none').match, { inverse: true }, 'without colour a match is still inverse');
});

test('secrets stay masked in the columns, also when a JSON escape spelled them', () => {
  const ingest = ingestOf('{"msg":"login","password":"hunter2"}');
  const redact = (s: string) => s.replace(/hunter2/g, '••••');
  const [row] = rowsOfLine(ingest.ring, 0, rowLayout(100, TAGS), TAGS, theme, { ...PLAIN, redact });
  assert.doesNotMatch(text(row!), /hunter2/);
  const escaped = ingestOf('{"msg":"login","password":"hunter\\u0032"}');
  const [again] = rowsOfLine(escaped.ring, 0, rowLayout(100, TAGS), TAGS, theme, { ...PLAIN, redact });
  assert.doesNotMatch(text(again!), /hunter2/);
});

test('a filter matching everywhere or nowhere (`.`, `x*`) marks a bounded number of places and never loops', () => {
  assert.equal(matchRanges('a'.repeat(500), /./).length, 64);
  assert.deepEqual(matchRanges('abc', /x*/), []);
  assert.deepEqual(matchRanges('queue and queue', /queue/), [[0, 5], [10, 15]]);
  assert.deepEqual(matchRanges('queue and queue', /queue/), [[0, 5], [10, 15]], 'the same again: no state kept between rows');
});

test('a tag too long for its column keeps what tells a service\'s sources apart', async () => {
  const { fitTag } = await import('../../views/logs/log-row.js');
  assert.equal(fitTag('checkout-api:journalctl', 20), 'checkout…:journalctl');
  assert.equal(fitTag('checkout-api:app.log', 12), 'che…:app.log');
  assert.equal(fitTag('checkout-api:journalctl', 12), 'ch…:journalc');
  assert.equal(fitTag('checkout-api/app-1', 12), 'checkout-ap…');
  assert.equal(fitTag('checkout-api', 12), 'checkout-api');
});
