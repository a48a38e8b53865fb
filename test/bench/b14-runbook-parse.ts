// B14: runbook parsing. (1) A 1 MB runbook and the largest accepted (2 MiB), made of the shapes
// real runbooks hold (our own runbooks and fixtures, repeated): the parser in place, through the
// worker thread as the console loads it, markdown-it alone (the tokenizer it is built on), the
// parser on micromark's tree (the reference the equivalence tests compare with) and micromark
// alone on the same text (the peer the target was set against). (2) The hostile shapes that froze the console: what
// each costs on the thread that parses it (what a key would have waited before the worker) and
// how it ends now. (3) The console's key latency (keypress to the frame showing it) in a 120x40
// pseudo-terminal while a hostile runbook and the largest accepted one parse, against the same
// console with a small runbook. Targets: 1 MB ≤ 1 s; no key waits > 100 ms, whatever the input.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import MarkdownIt from 'markdown-it';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { loadRunbook, MAX_RUNBOOK_BYTES } from '../../src/runbooks/load.js';
import { parseRunbook } from '../../src/runbooks/parse.js';
import { micromarkTree } from '../helpers/micromark-tree.js';
import { PtyRun, stats } from './pty.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = join(root, 'bin/warroom.js');

/** Our own runbooks and fixtures, headings numbered so each copy is its own section, repeated to `bytes`. */
function realisticRunbook(bytes: number): string {
  const sources = [
    ...readdirSync(join(root, 'runbooks')).map((n) => join(root, 'runbooks', n)),
    ...readdirSync(join(root, 'test/fixtures/runbooks')).filter((n) => n.endsWith('.md') && n !== 'broken.md').map((n) => join(root, 'test/fixtures/runbooks', n)),
  ].map((file) => readFileSync(file, 'utf8'));
  let out = '# A very long runbook\n\n';
  for (let copy = 0; Buffer.byteLength(out) < bytes; copy++) {
    const source = sources[copy % sources.length]!;
    out += `${source.replace(/^(#{1,5}) /gm, (_m, hashes: string) => `${hashes}# Part ${copy}: `)}\n\n`;
  }
  return Buffer.from(out).subarray(0, bytes).toString('utf8').replace(/\uFFFD$/, '');
}

const HOSTILE: Record<string, () => string> = {
  '50 KB of nested quotes': () => `${'> '.repeat(25_000)}deep\n`,
  '200 KB of "[a]("': () => '[a]('.repeat(50_000),
  'a list nested 800 deep (640 KB)': () => Array.from({ length: 800 }, (_, d) => `${'  '.repeat(d)}- level ${d}`).join('\n'),
  '1.9 MB table': () => `| a | b | c |\n|---|---|---|\n${'| 1 | 2 | 3 |\n'.repeat(140_000)}`,
  'a section of 90,000 steps (1.5 MB)': () => `# Many steps\n\n${Array.from({ length: 90_000 }, (_, i) => `- [ ] step ${i}`).join('\n')}\n`,
  '200 steps of 1,500 characters (300 KB)': () => `# Long steps\n\n${Array.from({ length: 200 }, (_, i) => `- [ ] ${i} ${Array.from({ length: 190 }, (_, k) => `word${(k * 7 + i) % 997}`).join(' ')}`).join('\n')}\n`,
  'a block of 90,000 commands (1 MB)': () => `# Many commands\n\n1. Run them all\n\n   \`\`\`sh\n${Array.from({ length: 90_000 }, (_, i) => `   echo ${i}`).join('\n')}\n   \`\`\`\n`,
};

function median(values: number[]): number {
  return stats(values).median;
}

function timeIt(runs: number, work: () => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    work();
    times.push(performance.now() - started);
  }
  return median(times);
}

/**
 * How long `parseRunbook` holds the thread that runs it, measured on a thread of its own so an
 * input that takes minutes can be cut off: the freeze a parse on the console's thread would cause.
 */
function inThreadCost(source: string, capMs: number): Promise<string> {
  const parseUrl = new URL('../../src/runbooks/parse.ts', import.meta.url).href;
  const tsx = import.meta.resolve('tsx/esm/api');
  const code = `const { parentPort, workerData } = require('node:worker_threads');
import(${JSON.stringify(tsx)}).then((t) => { t.register(); return import(${JSON.stringify(parseUrl)}); }).then(({ parseRunbook }) => {
  const started = performance.now();
  try { parseRunbook(workerData, 'hostile.md'); } catch {}
  parentPort.postMessage(performance.now() - started);
});`;
  return new Promise((resolve) => {
    const worker = new Worker(code, { eval: true, workerData: source, resourceLimits: { maxOldGenerationSizeMb: 1024 } });
    const timer = setTimeout(() => void worker.terminate().then(() => resolve(`> ${(capMs / 1000).toFixed(0)} s (cut off)`)), capMs);
    worker.on('message', (ms: number) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(`${(ms / 1000).toFixed(2)} s`);
    });
    worker.on('error', (error) => {
      clearTimeout(timer);
      resolve(`failed: ${error.message}`);
    });
  });
}

/**
 * Presses `?` and Esc in a console opening `runbook` until `until` shows (and at least
 * `minPresses` times), then `afterShown` times more; the keypress-to-frame latencies (those
 * pressed once `until` showed apart), and when `until` showed.
 */
async function keyLatencies(
  runbook: string,
  until: string,
  minPresses: number,
  maxPresses: number,
  afterShown = 0,
  /** Once it shows, the runbook pane is focused and these are pressed instead of `?` and Esc: the key, and the text its frame shows. */
  walk?: (i: number) => [string, string],
): Promise<{ latencies: number[]; shown: number[]; shownAfterMs: number; warm: number[]; early: number[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'warroom-b14-'));
  writeFileSync(join(dir, 'runbook.md'), runbook);
  writeFileSync(join(dir, 'warroom.yaml'), 'incident:\n  runbook: runbook.md\nservices:\n  - name: api\n    checks:\n      - tcp: 127.0.0.1:1\n        interval: 2s\n');
  const run = new PtyRun(`${process.execPath} ${bin} open --as bench`, { columns: 120, rows: 40, cwd: dir, keepOutput: false, screen: true });
  const latencies: number[] = [];
  const once: number[] = [];
  // The same latencies, of keys pressed after the console's first second: in its first, every
  // console answers keys slower, whatever its runbook (its code not yet compiled, modules still
  // loading); the peer's first second says how much slower.
  const warm: number[] = [];
  const early: number[] = [];
  let firstFrame = Infinity;
  const record = (into: number[], pressed: number, ms: number) => {
    into.push(ms);
    (pressed - firstFrame >= 1000 ? warm : early).push(ms);
  };
  // The screen is read from a terminal emulator fed the console's output: only changed cells are
  // written, so a frame's text is not in the stream.
  let shownAt = -1;
  const shown = run.waitForScreen((screen) => screen.includes(until), 180_000).then((at) => (shownAt = at - run.startedAt), () => undefined);
  try {
    await run.waitForScreen((screen) => screen.includes('Runbook'), 60_000);
    firstFrame = performance.now();
    const opened = firstFrame - run.startedAt;
    for (let i = 0, after = 0; i < maxPresses && (shownAt < 0 || i < minPresses || after < afterShown); i++) {
      // Keys pressed while the runbook is shown (its steps, suggestions and pane made) count with the loading ones.
      const into = shownAt < 0 ? latencies : (after++, once);
      if (walk && shownAt >= 0) {
        if (after === 1) {
          run.write('4');
          await run.waitForScreen((screen) => screen.includes('▶4 Runbook'), 30_000);
        }
        const [key, shows] = walk(after);
        const pressed = performance.now();
        run.write(key);
        record(into, pressed, (await run.waitForScreen((screen) => screen.includes(shows), 30_000)) - pressed);
        await new Promise((resolve) => setTimeout(resolve, 50));
        continue;
      }
      const open = performance.now();
      run.write('?');
      record(into, open, (await run.waitForScreen((screen) => screen.includes('Help: keys and : commands'), 30_000)) - open);
      const close = performance.now();
      run.write('\x1b');
      record(into, close, (await run.waitForScreen((screen) => screen.includes('Runbook') && !screen.includes('Help: keys and : commands'), 30_000)) - close);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    if (shownAt < 0) await Promise.race([shown, new Promise((resolve) => setTimeout(resolve, 120_000).unref())]);
    return { latencies, shown: once, shownAfterMs: shownAt < 0 ? NaN : shownAt - opened, warm, early };
  } finally {
    await run.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

function line(label: string, latencies: number[], shownAfterMs: number, what: string, when = 'while it loaded'): string {
  const s = stats(latencies);
  const max = Math.max(...latencies);
  return `   ${label}: ${s.n} key presses ${when}; median ${s.median.toFixed(1)} ms, p99 ${s.p99.toFixed(1)} ms, max ${max.toFixed(1)} ms (${what} ${Number.isNaN(shownAfterMs) ? 'never shown' : `after ${(shownAfterMs / 1000).toFixed(1)} s`})`;
}

/** Runs B14 and prints parse times, the floor, hostile costs and key latencies. */
export async function main({ quick = false } = {}): Promise<void> {
  const runs = quick ? 1 : 5;
  const dir = mkdtempSync(join(tmpdir(), 'warroom-b14-files-'));
  try {
    for (const [label, bytes] of [['1 MB', 1024 * 1024], [`largest accepted (${(MAX_RUNBOOK_BYTES / 1048576).toFixed(0)} MiB)`, MAX_RUNBOOK_BYTES]] as const) {
      const source = realisticRunbook(bytes);
      const file = join(dir, `${bytes}.md`);
      writeFileSync(file, source);
      const parsed = parseRunbook(source, file);
      const steps = parsed.sections.reduce((n, s) => n + s.steps.length, 0);
      const floor = timeIt(runs, () => micromark(source, { extensions: [gfm()], htmlExtensions: [gfmHtml()] }));
      const tokenizer = new MarkdownIt({ html: true });
      const tokens = timeIt(runs, () => tokenizer.parse(source, {}));
      // Once: micromark reading 2 MiB whole takes a minute on a busy machine.
      const before = timeIt(1, () => parseRunbook(source, file, micromarkTree));
      const inPlace = timeIt(runs, () => parseRunbook(source, file));
      await loadRunbook(file); // the worker started and warm, as in a console that opened a runbook already
      const viaWorker: number[] = [];
      for (let i = 0; i < runs; i++) {
        const started = performance.now();
        await loadRunbook(file);
        viaWorker.push(performance.now() - started);
      }
      console.log(`B14 ${label}: ${(Buffer.byteLength(source) / 1048576).toFixed(2)} MiB, ${parsed.sections.length} sections, ${steps} steps; median of ${runs}:`);
      console.log(`   parseRunbook ${inPlace.toFixed(0)} ms in place, ${median(viaWorker).toFixed(0)} ms through the worker (loadRunbook); markdown-it alone ${tokens.toFixed(0)} ms; micromark alone ${floor.toFixed(0)} ms (the floor): ${(inPlace / floor).toFixed(2)}× micromark alone (target 1 MB ≤ 1 s)`);
      console.log(`   parseRunbook on micromark's tree read whole (the equivalence tests' reference; the parser before read it in 32 KB pieces, about twice as fast), 1 run: ${before.toFixed(0)} ms, ${(before / inPlace).toFixed(1)}× the parser now`);
    }

    const cap = quick ? 20_000 : 60_000;
    console.log(`B14 hostile runbooks: time on the parsing thread (a parse on the console's thread froze keys this long), and how loading ends now:`);
    for (const [label, make] of Object.entries(HOSTILE)) {
      const source = make();
      const file = join(dir, 'hostile.md');
      writeFileSync(file, source);
      const cost = await inThreadCost(source, cap);
      const started = performance.now();
      const outcome = await loadRunbook(file).then(
        (rb) => `parsed (${rb.sections.length} sections)`,
        (error: Error) => error.message.replace(/^.*?: /, '').replace(/; the file is .*$/, '').replace(/\. Split.*$/, ''),
      );
      console.log(`   ${label}: ${cost} on its thread; now: ${outcome} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }

    console.log('B14 console key latency (? then Esc, keypress to the frame showing it, 120x40 pty) while a runbook loads:');
    const presses = quick ? 10 : 60;
    const control = await keyLatencies(realisticRunbook(8 * 1024), '§ ', quick ? 10 : 40, quick ? 10 : 40);
    console.log(line('peer: an 8 KB runbook (shown at once)', control.latencies, control.shownAfterMs, 'shown'));
    const links = await keyLatencies(HOSTILE['200 KB of "[a]("']!(), '§ ', 0, presses);
    console.log(line('200 KB of "[a](" (hostile)', links.latencies, links.shownAfterMs, 'shown'));
    const quotes = await keyLatencies(HOSTILE['50 KB of nested quotes']!(), 'not parsed', 0, presses);
    console.log(line('50 KB of nested quotes (hostile)', quotes.latencies, quotes.shownAfterMs, 'its message'));
    // Pressed until it shows (a parse of seconds) and then some: showing 8,949 steps is work on the console's thread too.
    const largest = await keyLatencies(realisticRunbook(MAX_RUNBOOK_BYTES), '§ ', 0, quick ? 120 : 300, quick ? 10 : 20);
    console.log(line('the largest accepted runbook', largest.latencies, largest.shownAfterMs, 'shown'));
    if (largest.shown.length > 0) console.log(line('the largest accepted runbook', largest.shown, largest.shownAfterMs, 'shown', 'once it showed'));
    // Shown, the pane makes rows for the steps and commands around the cursor: `j` walks them.
    const long: Awaited<ReturnType<typeof keyLatencies>>[] = [];
    for (const [label, walk] of [
      ['a section of 90,000 steps (1.5 MB)', (i: number): [string, string] => ['j', `› [ ] step ${i}`]],
      ['a block of 90,000 commands (1 MB)', (i: number): [string, string] => ['j', `› $ echo ${i - 1}`]],
      ['1.9 MB table', undefined],
      ['200 steps of 1,500 characters (300 KB)', (i: number): [string, string] => ['j', `› [ ] ${i} word`]],
    ] as const) {
      const result = await keyLatencies(HOSTILE[label]!(), '§ ', 0, quick ? 120 : 300, quick ? 10 : 20, walk);
      console.log(line(label, result.latencies, result.shownAfterMs, 'shown'));
      if (result.shown.length > 0) console.log(line(label, result.shown, result.shownAfterMs, 'shown', walk ? 'once it showed (j in the runbook pane)' : 'once it showed'));
      long.push(result);
    }
    const all = [...links.latencies, ...quotes.latencies, ...largest.latencies, ...largest.shown, ...long.flatMap((r) => [...r.latencies, ...r.shown])];
    const warm = [links, quotes, largest, ...long].flatMap((r) => r.warm);
    console.log(`   worst key while parsing: ${Math.max(...all).toFixed(1)} ms over ${all.length} presses (target: none > 100 ms)`);
    console.log(`   of those, pressed after the console's first second: worst ${Math.max(...warm).toFixed(1)} ms over ${warm.length} presses; in its first second any console is slower: the peer's worst then ${Math.max(...control.early).toFixed(1)} ms over ${control.early.length}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main({ quick: process.argv.includes('--quick') });
