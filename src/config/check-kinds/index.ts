// Every kind of check, in the order messages list them. A new kind is a descriptor file in this
// folder and one line here.
import type { BuiltInCheckKind } from './check-kind.js';
export type { SharedOption } from './check-kind.js';
import { dnsKind } from './dns.js';

/** Kinds whose probes live in the probes capability (they need its HTTP pool, executor or Prometheus client). */
export const BUILT_IN_CHECK_KINDS = [
  { key: 'http', hint: 'http: URL', takes: ['expect', 'headers', 'followRedirects', 'ports'] },
  { key: 'tcp', hint: 'tcp: HOST:PORT', takes: ['ports'] },
  { key: 'command', hint: 'command: SHELL', takes: ['host', 'ports'] },
  { key: 'promql', hint: 'promql: QUERY', takes: [] },
] as const satisfies readonly BuiltInCheckKind[];

/** Kinds described wholly by their descriptor file: options, expansion, label and probe. */
export const DESCRIBED_CHECK_KINDS = [dnsKind] as const;

/** Every kind, in the order messages list them. */
export const CHECK_KIND_LIST: readonly BuiltInCheckKind[] = [...BUILT_IN_CHECK_KINDS, ...DESCRIBED_CHECK_KINDS];

/** The name of a described kind (`dns`). */
export type DescribedKindName = (typeof DESCRIBED_CHECK_KINDS)[number]['key'];

/** The descriptor of a described kind, by name. */
export function describedKind(key: string): (typeof DESCRIBED_CHECK_KINDS)[number] | undefined {
  return DESCRIBED_CHECK_KINDS.find((kind) => kind.key === key);
}

/** `http:, tcp:, command:, promql: or dns:` for messages. */
export function kindList(): string {
  const keys = CHECK_KIND_LIST.map((kind) => `${kind.key}:`);
  return `${keys.slice(0, -1).join(', ')} or ${keys.at(-1)}`;
}
