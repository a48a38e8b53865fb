// Incident state that must not fork between consoles — severity, roles, resolved, who pages —
// kept in a JetStream key-value bucket and changed only by compare-and-set: a change names the
// value it replaces and is written only if that is still the value (the KV revision decides
// between two consoles writing at once). The loser is told who won and what the value is now.
import type { NatsConnection } from '@nats-io/transport-node';
import type { Claim, StateChange, StateOutcome } from '../timeline/recorder.js';
import { natsKv } from './nats-modules.js';

/** The bucket's name for a stream. */
export function bucketFor(stream: string): string {
  return `${stream}-state`;
}

/** One stored value: what it is, who set it, when. */
export interface Stored {
  value: string | null;
  by: string;
  at: number;
}

/** The smallest part of the KV client this needs. */
interface Bucket {
  get(key: string): Promise<{ revision: number; operation: string; string(): string } | null>;
  create(key: string, value: string): Promise<number>;
  update(key: string, value: string, revision: number): Promise<number>;
}

/** Compare-and-set on one incident's shared state. */
export class SharedIncidentState {
  private constructor(
    private readonly bucket: Bucket,
    private readonly incident: string,
    private readonly operator: string,
  ) {}

  /** Opens (creating if needed) the stream's state bucket. */
  static async open(nc: NatsConnection, stream: string, incident: string, operator: string): Promise<SharedIncidentState> {
    const { Kvm } = await natsKv();
    const bucket = await new Kvm(nc).create(bucketFor(stream), { history: 10 });
    return new SharedIncidentState(bucket, incident, operator);
  }

  /** Changes `field` from `from` to `to` unless another console changed it first. */
  async change({ field, from, to }: StateChange): Promise<StateOutcome> {
    const key = this.key(field);
    const entry = await this.bucket.get(key);
    const current = readStored(entry);
    // Nobody has set it yet: the value this console started from is taken as current.
    if (current && current.value !== from) return { ok: false, current: current.value, by: current.by };
    const body = JSON.stringify({ value: to, by: this.operator, at: Date.now() } satisfies Stored);
    try {
      if (entry) await this.bucket.update(key, body, entry.revision);
      else await this.bucket.create(key, body);
      return { ok: true };
    } catch (error) {
      if (!isConflict(error)) throw error;
      const winner = readStored(await this.bucket.get(key));
      return { ok: false, current: winner?.value ?? null, by: winner?.by ?? 'another console' };
    }
  }

  /** Claims `key` (the first console to create it holds it for good). */
  async claim(key: string): Promise<Claim> {
    const k = this.key(`claim.${Buffer.from(key).toString('base64url')}`);
    const body = JSON.stringify({ value: key, by: this.operator, at: Date.now() } satisfies Stored);
    try {
      await this.bucket.create(k, body);
      return { won: true, by: this.operator, at: Date.now() };
    } catch (error) {
      if (!isConflict(error)) throw error;
      const holder = readStored(await this.bucket.get(k));
      return { won: false, by: holder?.by ?? 'another console', at: holder?.at ?? Date.now() };
    }
  }

  private key(field: string): string {
    return `${this.incident}.${field}`;
  }
}

/** A bucket entry's value, or null when deleted, absent or unreadable. */
export function readStored(entry: { operation: string; string(): string } | null): Stored | null {
  if (!entry || entry.operation !== 'PUT') return null;
  try {
    const stored = JSON.parse(entry.string()) as Partial<Stored>;
    return { value: typeof stored.value === 'string' ? stored.value : null, by: typeof stored.by === 'string' ? stored.by : '?', at: typeof stored.at === 'number' ? stored.at : 0 };
  } catch {
    return null;
  }
}

/** The server refused a write because the key changed (or exists) meanwhile. */
function isConflict(error: unknown): boolean {
  return /wrong last sequence|key exists/i.test((error as Error).message);
}
