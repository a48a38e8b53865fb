// B7: memory after 10,000,000 log lines through the ingest pipeline and the ring buffer.
// RSS is sampled every million lines; the ring must keep it flat (target <= 200 MB).
import { pathToFileURL } from 'node:url';
import { LogIngest } from '../../src/logs/ingest.js';
import { fixtureLine } from './log-fixture.js';

const MB = 1024 * 1024;

/** Runs B7 and prints RSS samples. */
export async function main(options: { quick?: boolean } = {}): Promise<void> {
  const total = options.quick ? 2_000_000 : 10_000_000;
  const baseline = process.memoryUsage().rss / MB;
  const ingest = new LogIngest(10_000);
  const sources = 8;
  for (let s = 0; s < sources; s++) ingest.addSource(s);
  const splitters = Array.from({ length: sources }, (_, s) => ingest.splitterFor(s));
  // Distinct chunks so every line is a new string, as from a real file.
  const chunks: Buffer[] = [];
  for (let c = 0; c < 64; c++) {
    let text = '';
    for (let i = 0; i < 1000; i++) text += fixtureLine(c * 1000 + i) + '\n';
    chunks.push(Buffer.from(text));
  }
  const samples: Array<{ lines: number; rss: number; heap: number }> = [];
  const started = process.hrtime.bigint();
  let pushed = 0;
  let chunk = 0;
  while (pushed < total) {
    splitters[chunk % sources].push(chunks[chunk % chunks.length]);
    chunk++;
    pushed += 1000;
    if (pushed % 1_000_000 === 0) {
      const usage = process.memoryUsage();
      samples.push({ lines: pushed, rss: usage.rss / MB, heap: usage.heapUsed / MB });
      await new Promise((resolve) => setImmediate(resolve)); // let GC and the event loop breathe
    }
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (ingest.ring.total !== total) throw new Error(`ingested ${ingest.ring.total}, expected ${total}`);
  console.log(`B7 memory: ${total.toLocaleString('en-US')} lines from ${sources} sources into a 10,000-line ring (${Math.round(total / seconds).toLocaleString('en-US')} lines/s)`);
  console.log(`  before: RSS ${baseline.toFixed(1)} MB (node + tsx + modules)`);
  for (const s of samples) console.log(`  after ${(s.lines / 1e6).toFixed(0).padStart(2)}M lines: RSS ${s.rss.toFixed(1)} MB, heap used ${s.heap.toFixed(1)} MB`);
  const second = samples[Math.min(1, samples.length - 1)];
  const last = samples.at(-1)!;
  const peak = Math.max(...samples.map((s) => s.rss));
  console.log(`  RSS peak ${peak.toFixed(1)} MB (target <= 200 MB); growth from 2M to the end ${(last.rss - second.rss).toFixed(1)} MB (flat = ring bounded)`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) void main({ quick: process.argv.includes('--quick') });
