// A kind of check, described once: the key it is written under, the hint that lists it in
// messages, which of the shared options apply to it, and (for a kind that probes on its own) the
// schema of its own options, its target's expansion, its label and its probe. The config schema,
// the loader's messages and the probes capability all read these descriptors, so adding a kind
// is one descriptor file and one line in ./index.ts.
//
// This folder imports nothing from the rest of config (config/types.ts names the kinds from
// ./index.ts), so a descriptor sees only zod and Node.
import type { z } from 'zod';

/** The options every check shares, which a kind may or may not take. */
export type SharedOption = 'expect' | 'headers' | 'followRedirects' | 'host' | 'ports';

/** What one probe says about its row (the probes capability's ProbeResult has this shape). */
export interface KindProbeResult {
  state: 'UP' | 'DEGRADED' | 'DOWN' | 'UNKNOWN';
  /** Plain words: "answered 10.0.0.5", "no such name", "timeout 2s". */
  reason: string;
  latencyMs: number | null;
  body?: string;
}

/** What a self-probing kind's probe is given: the expanded target, its options, the timeout. */
export interface KindProbeInput<Options> {
  target: string;
  options: Options;
  timeoutMs: number;
}

/** A kind whose probe needs the probes capability's machinery (HTTP pool, executor, Prometheus). */
export interface BuiltInCheckKind {
  key: string;
  /** How messages list it: `http: URL`. */
  hint: string;
  /** The shared options it takes. */
  takes: readonly SharedOption[];
}

/** A kind that is wholly described here: options, expansion, label and probe. */
export interface DescribedCheckKind<Options = unknown> extends BuiltInCheckKind {
  /** Its own keys on a check besides the target (`server:`), merged into the check's schema. */
  optionShape: z.ZodRawShape;
  /** The keys it reads under `expect:` (`answer:`), merged into the expect schema. */
  expectShape: z.ZodRawShape;
  /** Its options from a check as the schema parsed it (own keys and `expect:`). */
  readOptions(check: Readonly<Record<string, unknown>>): Options;
  /** A problem with the expanded target, or undefined when it is fine. */
  checkTarget(target: string): string | undefined;
  /** The short label of a target on the board. */
  label(target: string): string;
  /** Probes once; never throws (failures are results). */
  probe(input: KindProbeInput<Options>, signal?: AbortSignal): Promise<KindProbeResult>;
}

/** Says a descriptor is one, keeping its literal key type (for the names the config model uses). */
export function describeCheckKind<const Key extends string, Options>(
  kind: DescribedCheckKind<Options> & { key: Key },
): DescribedCheckKind<Options> & { key: Key } {
  return kind;
}
