// B12: event latency between two consoles sharing an incident through NATS JetStream on
// loopback (a real nats-server -js), beside the peer: two consoles sharing one journal file on
// one machine (the follower). Each event is recorded on one console and timed until the other
// console's journal announces it; events go one at a time. Both consoles live in this process,
// for both measurements alike.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRedactor } from '../../src/text/redact.js';
import { openIncident, resumeIncident } from '../../src/timeline/incidents.js';
import type { TimelineJournal } from '../../src/timeline/journal.js';
import { NatsServer, natsServerMissing } from '../helpers/nats-server.js';
import { waitFor } from '../helpers/wait-for.js';
import { Machine } from '../share/machine.js';

function quantiles(samples: number[]): { median: number; p99: number; max: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { median: at(0.5), p99: at(0.99), max: at(1) };
}

const ms = (n: number): string => `${n.toFixed(1)} ms`;

/** Records `count` notes on `from`, one at a time, each timed until `to` announces it. */
async function measure(from: TimelineJournal, to: TimelineJournal, count: number): Promise<number[]> {
  const seen = new Map<string, number>();
  const off = to.onEvents((added) => {
    const now = performance.now();
    for (const event of added) seen.set(event.id, now);
  });
  const samples: number[] = [];
  try {
    for (let i = 0; i < count; i += 1) {
      const t = performance.now();
      const event = from.record('note', { text: `b12 ${i}` });
      if (!event) throw new Error('note not saved');
      await waitFor(() => seen.has(event.id), { intervalMs: 1, timeoutMs: 10_000, what: `event ${i} on the other console` });
      samples.push(seen.get(event.id)! - t);
    }
  } finally {
    off();
  }
  return samples;
}

/** Runs B12. */
export async function main({ quick }: { quick: boolean }): Promise<void> {
  const missing = natsServerMissing();
  if (missing) return void console.log(`B12 skipped: ${missing}`);
  const count = quick ? 50 : 300;
  const server = await NatsServer.start();
  const share = { servers: [server.url], stream: 'WARROOM' };
  const ana = Machine.open(share, 'ana', 'b12 latency').startSharing();
  let bo: Machine | null = null;
  const dir = mkdtempSync(join(tmpdir(), 'warroom-b12-'));
  try {
    await waitFor(() => ana.status?.state === 'online', { timeoutMs: 20_000, what: 'ana online' });
    bo = (await Machine.join(share, 'bo', ana.id)).startSharing();
    await waitFor(() => bo!.status?.state === 'online', { timeoutMs: 20_000, what: 'bo online' });
    await measure(ana.journal, bo.journal, 5); // warm-up (first consumer round trips, JIT)
    const nats = quantiles([...(await measure(ana.journal, bo.journal, count / 2)), ...(await measure(bo.journal, ana.journal, count / 2))]);

    const redactor = createRedactor({ env: {} });
    const one = openIncident(dir, { title: 'b12 peer', severity: 'P2', operator: 'ana', redactor });
    const two = resumeIncident(dir, one.id, { operator: 'bo', redactor });
    await measure(one, two, 5);
    const file = quantiles([...(await measure(one, two, count / 2)), ...(await measure(two, one, count / 2))]);
    one.close();
    two.close();

    console.log(`B12 event latency between two consoles, ${count} events one at a time (target p99 ≤ 250 ms)`);
    console.log(`  through JetStream (nats-server -js, loopback): median ${ms(nats.median)}  p99 ${ms(nats.p99)}  max ${ms(nats.max)}`);
    console.log(`  one journal file, one machine (the peer):      median ${ms(file.median)}  p99 ${ms(file.p99)}  max ${ms(file.max)}`);
    console.log(`  ratio JetStream/file: median ${(nats.median / file.median).toFixed(2)}x  p99 ${(nats.p99 / file.p99).toFixed(2)}x`);
  } finally {
    for (const machine of [ana, bo]) {
      if (!machine) continue;
      await machine.quit().catch(() => undefined);
      machine.remove();
    }
    rmSync(dir, { recursive: true, force: true });
    await server.close();
  }
}
