// Who else has the shared incident open right now: each console keeps one key alive in a
// key-value bucket (`<stream>-presence`, values expire after PRESENCE_TTL_MS) and watches the
// incident's keys. Expiry by age does not notify watchers (nats-server 2.9), so a console that
// vanished without saying goodbye (kill -9, a lost network) is dropped here once its last beat
// is older than the TTL; one that quits deletes its key, which watchers see at once.
import { randomBytes } from 'node:crypto';
import type { NatsConnection } from '@nats-io/transport-node';
import type { Present } from './types.js';
import { natsKv } from './nats-modules.js';

/** How long a console counts as present after its last beat. */
export const PRESENCE_TTL_MS = 30_000;
/** How often a console renews its presence. */
const BEAT_MS = 10_000;


/** The part of the KV client presence needs. */
interface PresenceBucket {
  put(key: string, value: string): Promise<number>;
  delete(key: string): Promise<void>;
  watch(opts: { key: string }): Promise<AsyncIterable<{ key: string; operation: string; string(): string }> & { stop(): void }>;
}

/** The bucket holding every incident's presence keys for a stream. */
export function presenceBucketFor(stream: string): string {
  return `${stream}-presence`;
}

/** This console's presence in one incident, and what it sees of the others. */
export class Presence {
  private readonly key: string;
  private readonly others = new Map<string, Present & { at: number }>();
  private beat: NodeJS.Timeout | null = null;
  private watcher: { stop(): void } | null = null;
  private lastTold = '';

  private constructor(
    private readonly bucket: PresenceBucket,
    private readonly incident: string,
    private readonly self: Present,
    private readonly changed: (present: Present[]) => void,
  ) {
    this.key = `${incident}.${randomBytes(6).toString('hex')}`;
  }

  /** Opens (creating if needed) the presence bucket and starts beating and watching. */
  static async start(nc: NatsConnection, stream: string, incident: string, self: Present, changed: (present: Present[]) => void): Promise<Presence> {
    const { Kvm } = await natsKv();
    const bucket = (await new Kvm(nc).create(presenceBucketFor(stream), { history: 1, ttl: PRESENCE_TTL_MS })) as unknown as PresenceBucket;
    const presence = new Presence(bucket, incident, self, changed);
    await presence.run();
    return presence;
  }

  /** The other consoles present now (this one excluded), by operator. */
  get present(): Present[] {
    const now = Date.now();
    return [...this.others.values()]
      .filter((p) => now - p.at < PRESENCE_TTL_MS)
      .map(({ operator, mode }) => ({ operator, mode }))
      .sort((a, b) => a.operator.localeCompare(b.operator));
  }

  /** Says goodbye (deletes this console's key) and stops. */
  async stop(): Promise<void> {
    if (this.beat) clearInterval(this.beat);
    this.beat = null;
    this.watcher?.stop();
    this.watcher = null;
    await this.bucket.delete(this.key).catch(() => undefined);
  }

  /** Watches again (after a reconnect: the old watch may never hear from a restarted server). */
  async rewatch(): Promise<void> {
    this.watcher?.stop();
    this.watcher = null;
    // The new watch starts with every key there now: consoles that left meanwhile are not among them.
    this.others.clear();
    this.lastTold = '';
    await this.announce();
    await this.watch();
  }

  private async run(): Promise<void> {
    await this.announce();
    await this.watch();
    this.beat = setInterval(() => {
      void this.announce().catch(() => undefined);
      // Consoles that stopped beating (killed, cut off) leave after the TTL.
      this.tell();
    }, BEAT_MS);
    this.beat.unref();
  }

  private async watch(): Promise<void> {
    const iterator = await this.bucket.watch({ key: `${this.incident}.>` });
    this.watcher = iterator;
    void (async () => {
      for await (const entry of iterator) {
        if (entry.key === this.key) continue;
        if (entry.operation !== 'PUT') this.others.delete(entry.key);
        else {
          const seen = parsePresent(entry.string());
          if (seen) this.others.set(entry.key, seen);
        }
        this.tell();
      }
    })().catch(() => undefined);
  }

  private async announce(): Promise<void> {
    await this.bucket.put(this.key, JSON.stringify({ ...this.self, at: Date.now() }));
  }

  private tell(): void {
    const present = this.present;
    const text = JSON.stringify(present);
    if (text === this.lastTold) return;
    this.lastTold = text;
    this.changed(present);
  }
}

function parsePresent(text: string): (Present & { at: number }) | null {
  try {
    const value = JSON.parse(text) as Partial<Present & { at: number }>;
    if (typeof value.operator !== 'string' || typeof value.at !== 'number') return null;
    // A peer's clock may be off: its beat counts from when this console heard it.
    return { operator: value.operator, mode: typeof value.mode === 'string' ? value.mode : 'live', at: Date.now() };
  } catch {
    return null;
  }
}
