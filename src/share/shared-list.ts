// The incidents a team shares (`warroom incidents` with `share:`): one per subject of the
// stream, each summarised without reading its whole history — the first event (title, severity
// and start, as opened), the last one, and the compare-and-set state (severity, resolved) that
// every console changes before recording. Listing never creates the stream or the state bucket.
import type { NatsConnection } from '@nats-io/transport-node';
import type { ShareConfig } from '../config/integration-types.js';
import type { TimelineEvent } from '../timeline/event.js';
import { summarizeIncident, type IncidentSummary } from '../timeline/incident-state.js';
import { explain, openConnection, REQUEST_TIMEOUT_MS, ShareError } from './connection.js';
import { bucketFor, readStored, type Stored } from './incident-state.js';
import { natsJetStream, natsKv } from './nats-modules.js';
import { decodeFromStream, incidentOf, STREAM_SUBJECTS, subjectFor } from './wire.js';

/** How long listing waits for a server before it lists this machine's incidents alone. */
export const LIST_CONNECT_MS = 5000;

/** The stream's incidents (eventCount: messages in the stream), newest first; a ShareError when no server can be asked. */
export async function listSharedIncidents(share: ShareConfig, connectMs = LIST_CONNECT_MS): Promise<IncidentSummary[]> {
  const connecting = openConnection(share, 'warroom incidents', () => undefined);
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new ShareError(`no NATS server answered within ${connectMs / 1000} s (${share.servers.join(', ')})`, true)), connectMs).unref(),
  );
  const nc = await Promise.race([connecting, timeout]).catch((error: unknown) => {
    // A connection made after the deadline is closed, not left to keep the process alive.
    void connecting.then((late) => late.close()).catch(() => undefined);
    throw explain(error, share);
  });
  try {
    return await summaries(nc, share.stream);
  } catch (error) {
    throw explain(error, share);
  } finally {
    await nc.close().catch(() => undefined);
  }
}

async function summaries(nc: NatsConnection, stream: string): Promise<IncidentSummary[]> {
  const { jetstreamManager } = await natsJetStream();
  const jsm = await jetstreamManager(nc, { timeout: REQUEST_TIMEOUT_MS });
  let counts: Record<string, number>;
  try {
    counts = (await jsm.streams.info(stream, { subjects_filter: STREAM_SUBJECTS })).state.subjects ?? {};
  } catch (error) {
    // Nobody has shared an incident on this stream yet.
    if ((error as Error).name === 'StreamNotFoundError') return [];
    throw error;
  }
  const state = await stateBucket(nc, stream);
  const found: IncidentSummary[] = [];
  for (const [subject, count] of Object.entries(counts)) {
    const id = incidentOf(subject);
    if (!id) continue;
    const first = await jsm.streams.getMessage(stream, { seq: 0, next_by_subj: subjectFor(id) } as unknown as { seq: number }).catch(() => null);
    const last = await jsm.streams.getMessage(stream, { last_by_subj: subjectFor(id) }).catch(() => null);
    const events = [first, last].flatMap((m) => (m ? [decodeFromStream(m.string())] : [])).filter((e): e is TimelineEvent => e !== null);
    const summary = summarizeIncident(id, events);
    const severity = await state?.(`${id}.severity`);
    const resolved = await state?.(`${id}.resolved`);
    if (severity?.value) summary.severity = severity.value;
    if (resolved?.value) {
      summary.resolvedAt = resolved.at;
      summary.open = false;
    }
    found.push({ ...summary, eventCount: count });
  }
  return found.sort((a, b) => b.startedAt - a.startedAt || a.id.localeCompare(b.id));
}

/** Reads one key of the stream's state bucket; null when the bucket does not exist yet. */
async function stateBucket(nc: NatsConnection, stream: string): Promise<((key: string) => Promise<Stored | null>) | null> {
  const { Kvm } = await natsKv();
  try {
    const bucket = await new Kvm(nc).open(bucketFor(stream));
    await bucket.status();
    return async (key) => readStored(await bucket.get(key));
  } catch {
    return null;
  }
}
