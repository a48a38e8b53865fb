// Joining a shared incident this machine has never seen (`warroom open --incident ID`): its
// folder is created here and its journal filled with the whole history from the stream, before
// the console opens on it; from then on it is an incident like any other (sharing continues from
// the last sequence applied).
import { rmSync } from 'node:fs';
import type { ShareConfig } from '../config/integration-types.js';
import { createJoinedIncident } from '../timeline/incidents.js';
import { resumeIncident } from '../timeline/incidents.js';
import type { JournalOptions, TimelineJournal } from '../timeline/journal.js';
import { ensureStream, explain, openConnection, REQUEST_TIMEOUT_MS, ShareError } from './connection.js';
import { Inbox } from './inbox.js';
import { isShareableId, subjectFor } from './wire.js';
import { natsJetStream } from './nats-modules.js';

/** How long joining waits for a server: there is nothing to show without one. */
const JOIN_CONNECT_MS = 10_000;

/** Fetches shared incident `id` into a new folder under `dir`; ShareError when it cannot. */
export async function joinSharedIncident(share: ShareConfig, dir: string, id: string, options: JournalOptions): Promise<TimelineJournal> {
  if (!isShareableId(id)) throw new ShareError(`${id} cannot be a shared incident id (letters, digits, - and _ only)`, false);
  const connecting = openConnection(share, `warroom join ${options.operator}`, () => undefined);
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new ShareError(`cannot join ${id}: no NATS server answered within ${JOIN_CONNECT_MS / 1000} s (${share.servers.join(', ')})`, true)), JOIN_CONNECT_MS).unref(),
  );
  const nc = await Promise.race([connecting, timeout]).catch(async (error: unknown) => {
    void connecting.then((late) => late.close()).catch(() => undefined);
    throw explain(error, share);
  });
  try {
    await ensureStream(nc, share.stream);
    const { jetstreamManager } = await natsJetStream();
    const jsm = await jetstreamManager(nc, { timeout: REQUEST_TIMEOUT_MS });
    const last = await jsm.streams.getMessage(share.stream, { last_by_subj: subjectFor(id) }).catch(() => null);
    if (!last) throw new ShareError(`no shared incident ${id} on stream ${share.stream}`, false);
    const path = createJoinedIncident(dir, id);
    try {
      const journal = resumeIncident(dir, id, { ...options, follow: false });
      try {
        await fetchHistory(nc, share.stream, id, last.seq, journal);
      } finally {
        journal.close();
      }
    } catch (error) {
      // Half a history is worse than none: the next attempt starts clean.
      rmSync(path.slice(0, -'/journal.jsonl'.length), { recursive: true, force: true });
      throw error;
    }
    return resumeIncident(dir, id, options);
  } catch (error) {
    throw explain(error, share);
  } finally {
    await nc.close().catch(() => undefined);
  }
}

/** Reads the incident's subject from the start up to `lastSeq` into the journal. */
async function fetchHistory(nc: Parameters<typeof ensureStream>[0], stream: string, id: string, lastSeq: number, journal: TimelineJournal): Promise<void> {
  let reached = 0;
  let done: () => void = () => undefined;
  const caughtUp = new Promise<void>((resolve) => (done = resolve));
  const inbox = new Inbox(nc, stream, id, {
    received: (batch) => {
      journal.importShared(batch);
      reached = Math.max(reached, ...batch.map((b) => b.seq));
      if (reached >= lastSeq) done();
    },
    unreadable: (seq) => {
      reached = Math.max(reached, seq);
      if (reached >= lastSeq) done();
    },
  });
  await inbox.start(1);
  try {
    await caughtUp;
  } finally {
    await inbox.stop();
  }
  if (journal.health().held > 0) throw new ShareError(`cannot write the joined incident's journal: ${journal.health().error}`, false);
}
