// B13: resync after 10,000 events written while the NATS server was down. Two consoles share an
// incident through a real nats-server -js; the server stops; one console records 10,000 notes
// (on its journal alone); the server starts again. Timed from the server accepting connections
// to the other console's journal holding all of them and the writer's outbox empty; then the
// journals and the stream are checked for events lost or held twice.
import { connect } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import { subjectFor } from '../../src/share/wire.js';
import { NatsServer, natsServerMissing } from '../helpers/nats-server.js';
import { waitFor } from '../helpers/wait-for.js';
import { Machine } from '../share/machine.js';

async function messagesInStream(url: string, id: string): Promise<number> {
  const nc = await connect({ servers: url });
  try {
    const info = await (await jetstreamManager(nc)).streams.info('WARROOM', { subjects_filter: subjectFor(id) });
    return info.state.subjects?.[subjectFor(id)] ?? 0;
  } finally {
    await nc.close();
  }
}

function doubled(machine: Machine): number {
  return [...machine.linesPerId().values()].filter((n) => n > 1).length;
}

/** Runs B13. */
export async function main({ quick }: { quick: boolean }): Promise<void> {
  const missing = natsServerMissing();
  if (missing) return void console.log(`B13 skipped: ${missing}`);
  const count = quick ? 2000 : 10_000;
  const server = await NatsServer.start();
  const share = { servers: [server.url], stream: 'WARROOM' };
  const ana = Machine.open(share, 'ana', 'b13 resync').startSharing();
  let bo: Machine | null = null;
  try {
    await waitFor(() => ana.status?.state === 'online', { timeoutMs: 20_000, what: 'ana online' });
    bo = (await Machine.join(share, 'bo', ana.id)).startSharing();
    await waitFor(() => bo!.status?.state === 'online', { timeoutMs: 20_000, what: 'bo online' });
    await server.stop();
    await waitFor(() => ana.status?.state === 'offline' && bo!.status?.state === 'offline', { timeoutMs: 20_000, what: 'both offline' });
    const recording = performance.now();
    for (let i = 0; i < count; i += 1) ana.note(`b13 offline ${i}`);
    const recordedMs = performance.now() - recording;
    const before = bo.notes().length;
    // Counted as bo's journal announces them (sorting bo's timeline on every poll would be measured too).
    let arrived = 0;
    bo.journal.onEvents((added) => (arrived += added.filter((e) => e.kind === 'note').length));

    await server.resume();
    const back = performance.now();
    await waitFor(() => arrived >= count && ana.status?.unsynced === 0, { timeoutMs: 120_000, intervalMs: 10, what: `bo holding all ${count} and ana synced` });
    const resyncMs = performance.now() - back;

    const lost = count - (bo.notes().length - before);
    const inStream = await messagesInStream(server.url, ana.id);
    console.log(`B13 resync after ${count} events written offline (target ≤ 5 s, 0 lost, 0 duplicated)`);
    console.log(`  recording them offline (fsync each): ${(recordedMs / 1000).toFixed(2)} s`);
    console.log(`  server back → other console has all, outbox empty: ${(resyncMs / 1000).toFixed(2)} s (${Math.round(count / (resyncMs / 1000))} events/s)`);
    console.log(`  lost: ${lost}; doubled in a journal: ${doubled(ana) + doubled(bo)}; stream holds ${inStream} messages for ${ana.timeline().length} events`);
  } finally {
    for (const machine of [ana, bo]) {
      if (!machine) continue;
      await machine.quit().catch(() => undefined);
      machine.remove();
    }
    await server.close();
  }
}
