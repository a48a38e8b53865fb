// How a demo service behaves in each phase of its life. Pure functions of the phase and of how
// far a degradation has progressed, so the scripted incident reads as a curve: errors, latency
// and queue depth climb together until the service falls over.
import type { ServiceProfile } from './profiles.js';

/** Where a service is in its life: serving, getting worse, gone, or coming back. */
export type ServicePhase = 'healthy' | 'degraded' | 'down' | 'restarting';

/** The `status` field of a /health body. */
export type HealthStatus = 'healthy' | 'degraded' | 'unhealthy';

/** What a service does right now, derived from its phase. */
export interface Behaviour {
  /** Share of requests answered with a 5xx. */
  errorRatio: number;
  /** Median latency in seconds. */
  latencySeconds: number;
  health: HealthStatus;
  /** The depth its queue drifts towards. */
  queueTarget: number;
}

/** Behaviour of `profile` in `phase`; `severity` (0..1) is how far a degradation has gone. */
export function behaviourOf(profile: ServiceProfile, phase: ServicePhase, severity: number): Behaviour {
  if (phase !== 'degraded') {
    return {
      errorRatio: 0.002,
      latencySeconds: profile.latencySeconds,
      health: phase === 'healthy' ? 'healthy' : 'unhealthy',
      queueTarget: profile.queueBaseline,
    };
  }
  const s = Math.min(1, Math.max(0, severity));
  return {
    errorRatio: 0.04 + 0.5 * s,
    latencySeconds: profile.latencySeconds + 0.4 + 2.2 * s,
    health: 'degraded',
    queueTarget: profile.queueBaseline + 150 + 900 * s,
  };
}

/** A latency sample around `median` with a long right tail, as real latencies have. */
export function sampleLatency(median: number, random: () => number): number {
  const u1 = Math.max(random(), 1e-9);
  const gaussian = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * random());
  return median * Math.exp(0.45 * gaussian);
}

/** The HTTP status of one request, given the share of requests failing. */
export function sampleStatus(errorRatio: number, random: () => number): number {
  const r = random();
  if (r < errorRatio * 0.8) return 500;
  if (r < errorRatio) return 503;
  if (r > 0.99) return 404;
  return 200;
}
