// Resolves the `alerts:` and `grafana:` blocks: defaults, parsed matchers, and the secrets they
// carry (a token, a password in a URL) kept for redaction.
import { addSecret, addUrlSecret, posOf, type ResolveContext } from './context.js';
import { parseMatcher, type LabelMatcher } from './label-matchers.js';
import type { RawConfig } from './schema.js';
import type { AlertsConfig, AnnotateKind, GrafanaConfig } from './integration-types.js';

/** Read alerts every 15 s unless told otherwise: Alertmanager re-evaluates groups about as often. */
export const DEFAULT_ALERTS_INTERVAL_MS = 15_000;
/** An acknowledge silences for an hour; the incident extends its silences while it is open. */
export const DEFAULT_SILENCE_MS = 3_600_000;
/** What is posted to Grafana when `annotate:` is not written. */
export const DEFAULT_ANNOTATE: readonly AnnotateKind[] = ['action', 'state', 'severity', 'milestone'];

/** The resolved `alerts:` block, or undefined when the file has none. */
export function resolveAlerts(ctx: ResolveContext, raw: RawConfig['alerts']): AlertsConfig | undefined {
  if (raw === undefined) return undefined;
  const url = (raw.alertmanager ?? raw.prometheus)!;
  addUrlSecret(ctx, url);
  // The schema has checked every matcher; a failure here would be a programming error.
  const matchers = (raw.matchers ?? []).map((written) => parseMatcher(written) as LabelMatcher);
  return {
    source: raw.alertmanager !== undefined ? 'alertmanager' : 'prometheus',
    url,
    matchers,
    intervalMs: raw.interval ?? DEFAULT_ALERTS_INTERVAL_MS,
    silenceMs: raw.silenceFor ?? DEFAULT_SILENCE_MS,
    pos: posOf(ctx, ['alerts']),
  };
}

/** The resolved `grafana:` block, or undefined when the file has none. */
export function resolveGrafana(ctx: ResolveContext, raw: RawConfig['grafana']): GrafanaConfig | undefined {
  if (raw === undefined) return undefined;
  addUrlSecret(ctx, raw.url);
  addSecret(ctx, raw.token);
  return {
    url: raw.url,
    token: raw.token ?? '',
    annotate: [...new Set(raw.annotate ?? DEFAULT_ANNOTATE)],
    pos: posOf(ctx, ['grafana']),
  };
}
