// The NATS client's packages, loaded on first use. They are CommonJS: Node's import() gives their
// named exports, but in the bundle (scripts/bundle.mjs, esbuild) they came back as `default`
// only — the console said "connect is not a function". Both shapes are taken here, once.
type NatsCore = typeof import('@nats-io/transport-node');
type NatsJetStream = typeof import('@nats-io/jetstream');
type NatsKv = typeof import('@nats-io/kv');

function named<T extends object>(loaded: T & { default?: T }, key: keyof T): T {
  return typeof loaded[key] === 'function' ? loaded : (loaded.default ?? loaded);
}

/** `@nats-io/transport-node` (connect, authenticators). */
export async function natsCore(): Promise<NatsCore> {
  return named(await import('@nats-io/transport-node'), 'connect');
}

/** `@nats-io/jetstream` (publish, consumers, stream management). */
export async function natsJetStream(): Promise<NatsJetStream> {
  return named(await import('@nats-io/jetstream'), 'jetstream');
}

/** `@nats-io/kv` (key-value buckets). */
export async function natsKv(): Promise<NatsKv> {
  return named(await import('@nats-io/kv'), 'Kvm');
}
