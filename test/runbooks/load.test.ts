// Loading a runbook never blocks the console: parsing runs on a worker thread, a file past the
// size limit is refused before it is read, and a parse past its time budget ends in a message
// (the worker is replaced and the next runbook still loads). Hostile shapes from real failures:
// 50 KB of nested quotes (now refused at once, with the line), 200 KB of `[a](`, a deeply nested
// list, a 4 MB table, 10 MB of text.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadRunbook, MAX_RUNBOOK_BYTES, parseBudgetMs } from '../../src/runbooks/load.js';
import { RunbookParseError, RunbookParser, workerEntry } from '../../src/runbooks/parse-off-thread.js';
import { PARSER_NICE } from '../../src/runbooks/parse-worker.js';

const dir = mkdtempSync(join(tmpdir(), 'warroom-hostile-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const demo = fileURLToPath(new URL('../../runbooks/demo-estate.md', import.meta.url));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** Counts timer ticks on this thread while `work` runs: a parse on this thread would allow none until it ends. */
async function ticksDuring<T>(work: Promise<T>): Promise<{ ticks: number; settled: PromiseSettledResult<T> }> {
  let ticks = 0;
  const timer = setInterval(() => ticks++, 5);
  const [settled] = await Promise.allSettled([work]);
  clearInterval(timer);
  return { ticks, settled: settled! };
}

test('a runbook loads through the worker thread, the same as parsed in place', async () => {
  const runbook = await loadRunbook(demo);
  assert.equal(runbook.title, 'Demo estate: checkout is failing');
  assert.ok(runbook.sections.some((s) => s.steps.some((step) => step.commands.length > 0)));
});

test('files past the size limit are refused before they are read: 10 MB of text, a 4 MB table', async () => {
  const big = file('big.md', `# Big\n\n${'word '.repeat(2 * 1024 * 1024)}`);
  await assert.rejects(loadRunbook(big), (error: Error) => /is 10\.0 MB; warroom reads runbooks up to 2\.0 MB\. Split it into several files\./.test(error.message));
  const table = file('table.md', `| a | b | c |\n|---|---|---|\n${'| 1 | 2 | 3 |\n'.repeat(300_000)}`);
  await assert.rejects(loadRunbook(table), /is 4\.0 MB; warroom reads runbooks up to 2\.0 MB/);
  assert.equal(MAX_RUNBOOK_BYTES, 2 * 1024 * 1024);
});

test('50 KB of nested quotes ends in a message naming the line, 200 KB of "[a](" parses, the thread free meanwhile', async () => {
  const parser = new RunbookParser(workerEntry(new URL('../../src/runbooks/load.ts', import.meta.url).href));
  try {
    const quoted = await ticksDuring(parser.parse(`# Quotes\n\n${'> '.repeat(25_000)}deep\n`, 'quotes.md', 60_000));
    assert.ok(quoted.ticks > 2, `the timers of this thread kept running (${quoted.ticks} ticks)`);
    assert.equal(quoted.settled.status, 'rejected');
    assert.ok(quoted.settled.reason instanceof RunbookParseError);
    assert.match(quoted.settled.reason.message, /^quotes\.md \(49 KB\) not parsed: nesting too deep at line 3: lists or quotes more than 200 levels deep are not read$/);
    const links = await ticksDuring(parser.parse('[a]('.repeat(50_000), 'links.md', 60_000));
    assert.equal(links.settled.status, 'fulfilled');
    if (links.settled.status === 'fulfilled') assert.match(links.settled.value.sections[0]!.text[0]!.text, /^\[a\]\(\[a\]\(/);
  } finally {
    await parser.close();
  }
});

test('a parse past its budget ends in a message, the thread free meanwhile; the next runbook loads', async () => {
  const parser = new RunbookParser(workerEntry(new URL('../../src/runbooks/load.ts', import.meta.url).href));
  try {
    // A 1.9 MB table takes seconds to parse (no shape known today takes minutes): a budget of 100 ms runs out.
    const table = `| a | b | c |\n|---|---|---|\n${'| 1 | 2 | 3 |\n'.repeat(140_000)}`;
    const timed = await ticksDuring(parser.parse(table, 'table.md', 100));
    assert.ok(timed.ticks > 10, `the timers of this thread kept running (${timed.ticks} ticks)`);
    assert.equal(timed.settled.status, 'rejected');
    if (timed.settled.status === 'rejected') {
      assert.ok(timed.settled.reason instanceof RunbookParseError);
      assert.match(timed.settled.reason.message, /^table\.md \(1\.9 MB\) not parsed within 0\.1 s: it is too large, or shaped in a way the Markdown parser is slow on/);
    }
    // The worker that ran out of time was replaced: the next parse works.
    const after = await parser.parse('# Fine\n\n- [ ] a step\n', 'fine.md', 60_000);
    assert.equal(after.sections[0]!.steps[0]!.text, 'a step');
  } finally {
    await parser.close();
  }
});

/** The nice value of each of this process's threads, by thread id (Linux /proc). */
function threadNiceValues(): Map<number, number> {
  const values = new Map<number, number>();
  for (const tid of readdirSync('/proc/self/task')) {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      values.set(Number(tid), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]));
    } catch {
      // The thread ended while we looked.
    }
  }
  return values;
}

test('the parser thread runs at a lower priority than the console\'s own thread (keys and frames go first)', { skip: process.platform !== 'linux' && 'thread priorities are read from Linux /proc' }, async () => {
  // Parsers started by earlier tests (loadRunbook keeps one) may be running: count the new one.
  const lowered = () => [...threadNiceValues().values()].filter((value) => value === PARSER_NICE).length;
  const before = lowered();
  const parser = new RunbookParser(workerEntry(new URL('../../src/runbooks/load.ts', import.meta.url).href));
  try {
    // The worker has started once a parse has come back; its thread stays for the next one.
    await parser.parse('# Warm\n\n- [ ] a step\n', 'warm.md', 60_000);
    const nice = threadNiceValues();
    assert.equal(nice.get(process.pid), 0, 'the console\'s main thread keeps its priority');
    assert.equal(lowered(), before + 1, `the new parser's thread at nice ${PARSER_NICE}: ${JSON.stringify([...nice.entries()])}`);
  } finally {
    await parser.close();
  }
});

test('a runbook needing more memory than the parser has ends in a message naming it; the next runbook loads', async () => {
  const parser = new RunbookParser(workerEntry(new URL('../../src/runbooks/load.ts', import.meta.url).href), 24);
  try {
    const table = `| a | b | c |\n|---|---|---|\n${'| 1 | 2 | 3 |\n'.repeat(40_000)}`;
    await assert.rejects(parser.parse(table, 'table.md', 120_000), (error: Error) => {
      assert.ok(error instanceof RunbookParseError);
      assert.match(error.message, /^table\.md \(547 KB\) not parsed: needs more memory to parse than warroom gives its parser \(24 MB\): split or simplify it/);
      return true;
    });
    const after = await parser.parse('# Fine\n\n- [ ] a step\n', 'fine.md', 60_000);
    assert.equal(after.sections[0]!.steps[0]!.text, 'a step');
  } finally {
    await parser.close();
  }
});

test('a list nested 600 deep ends in a message naming the line where it gets too deep; never a crash of the console', async () => {
  const nested = Array.from({ length: 600 }, (_, depth) => `${'  '.repeat(depth)}- level ${depth}`).join('\n');
  const path = file('nested.md', nested);
  const { ticks, settled } = await ticksDuring(loadRunbook(path));
  assert.ok(ticks > 0);
  assert.equal(settled.status, 'rejected');
  if (settled.status === 'rejected') {
    assert.ok(settled.reason instanceof RunbookParseError, String(settled.reason));
    // Each level is a list and its item: 200 levels of blocks are 100 of the list's lines.
    assert.match(settled.reason.message, /^nested\.md \(\d+ KB\) not parsed: nesting too deep at line 100: /);
  }
});

test('the time budget grows with the file: 5 s, plus 60 s a megabyte', () => {
  assert.equal(parseBudgetMs(0), 5000);
  assert.equal(parseBudgetMs(1024 * 1024), 65_000);
});

test('a missing or unreadable runbook is a plain message', async () => {
  await assert.rejects(loadRunbook(join(dir, 'nope.md')), /^Error: runbook not found: /);
  await assert.rejects(loadRunbook(dir), /cannot read runbook .*: EISDIR/);
});
