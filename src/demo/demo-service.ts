// One demo HTTP service: a real server on loopback (its endpoints are in service-endpoints.ts),
// synthetic traffic that moves its counters, a log file, and a life that can go wrong.
// Going down closes the listener (clients get ECONNREFUSED, as with a crashed process) but the
// port is remembered, so a restart comes back where the config says it lives.
import { createServer, type Server } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { behaviourOf, sampleLatency, sampleStatus, type Behaviour, type ServicePhase } from './behaviour.js';
import { createServiceHandler } from './service-endpoints.js';
import { formatEntry, type LogEntry } from './log-format.js';
import { RotatingLogFile } from './log-file.js';
import { nextLogEntry } from './log-messages.js';
import { closeServer, listenOnLoopback, LOOPBACK } from './loopback.js';
import type { LogFormat, ServiceProfile } from './profiles.js';
import { createServiceMetrics, observeRequest, primeSeries, type ServiceMetrics } from './service-metrics.js';

/** What a restart did, as the control endpoint reports it. */
export interface RestartOutcome {
  service: string;
  previousPhase: ServicePhase;
  phase: ServicePhase;
  port: number;
  downMs: number;
}

const ALTERNATE_FORMAT: Record<LogFormat, LogFormat> = { text: 'json', json: 'text', logfmt: 'json' };

/** A demo HTTP service and everything it owns (server, metrics, log file, timers). */
export class DemoService {
  readonly metrics: ServiceMetrics;
  /** Its log file, written as it lives. */
  readonly log: RotatingLogFile;
  private server: Server | undefined;
  private boundPort = 0;
  private currentPhase: ServicePhase = 'healthy';
  private phaseSince = Date.now();
  private startedAt = Date.now();
  private degradeMs = 1;
  private failureTimer: NodeJS.Timeout | undefined;
  private restarting: Promise<RestartOutcome> | undefined;
  private queueDepth: number;
  private readonly stopping = new AbortController();

  /** A service described by `profile`, logging to `logPath`; call `start()` to listen. */
  constructor(
    readonly profile: ServiceProfile,
    logPath: string,
    private readonly random: () => number = Math.random,
  ) {
    this.metrics = createServiceMetrics(profile.name);
    this.log = new RotatingLogFile(logPath);
    this.queueDepth = profile.queueBaseline;
    this.metrics.queue.set({ queue: profile.queue }, this.queueDepth);
    primeSeries(this.metrics, profile.routes);
  }

  /** The port it listens on (kept while it is down). */
  get port(): number {
    return this.boundPort;
  }

  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  get url(): string {
    return `http://${LOOPBACK}:${this.boundPort}`;
  }

  /** Where it is in its life right now. */
  get phase(): ServicePhase {
    return this.currentPhase;
  }

  /** How far a degradation has gone, 0..1 (0 when not degraded). */
  severity(): number {
    if (this.currentPhase !== 'degraded') return 0;
    return Math.min(1, (Date.now() - this.phaseSince) / this.degradeMs);
  }

  /** What it does right now. */
  behaviour(): Behaviour {
    return behaviourOf(this.profile, this.currentPhase, this.severity());
  }

  /** Listens on an ephemeral port and logs its start-up. */
  async start(): Promise<void> {
    await this.listen();
    this.logStartup();
  }

  /** Starts the failure: degraded now, down after `degradeMs` unless restarted first. */
  beginFailure(degradeMs: number): boolean {
    if (this.currentPhase !== 'healthy') return false;
    this.degradeMs = Math.max(1, degradeMs);
    this.setPhase('degraded');
    this.writeEntry({ level: 'WARN', message: 'p95 latency above objective', fields: { p95_ms: 850, objective_ms: 300 } });
    this.failureTimer = setTimeout(() => void this.goDown(), this.degradeMs);
    this.failureTimer.unref();
    return true;
  }

  /** Falls over: the listener closes and the log ends with the crash. */
  async goDown(): Promise<void> {
    clearTimeout(this.failureTimer);
    if (this.currentPhase === 'down' || this.currentPhase === 'restarting') return;
    this.writeEntry({
      level: 'FATAL',
      message: 'worker crashed: JavaScript heap out of memory',
      fields: { heap_limit_mb: 512, pending_requests: Math.round(this.queueDepth) },
      stack: ['FATAL ERROR: Reached heap limit Allocation failed', `at Queue.buffer (/srv/${this.profile.name}/src/queue/buffer.js:52:17)`],
    });
    this.setPhase('down');
    await this.closeListener();
  }

  /** Stops and starts it again on the same port after `downMs`; concurrent calls share one restart. */
  restart(downMs: number): Promise<RestartOutcome> {
    this.restarting ??= this.doRestart(downMs).finally(() => {
      this.restarting = undefined;
    });
    return this.restarting;
  }

  private async doRestart(downMs: number): Promise<RestartOutcome> {
    clearTimeout(this.failureTimer);
    const previousPhase = this.currentPhase;
    if (previousPhase !== 'down') this.writeEntry({ level: 'INFO', message: 'received SIGTERM, draining connections', fields: {} });
    this.setPhase('restarting');
    await this.closeListener();
    await sleep(downMs, undefined, { signal: this.stopping.signal });
    await this.listen(this.boundPort);
    // A restarted process starts its counters from zero, as a real one does.
    this.metrics.registry.resetMetrics();
    primeSeries(this.metrics, this.profile.routes);
    this.metrics.queue.set({ queue: this.profile.queue }, Math.round(this.queueDepth));
    this.setPhase('healthy');
    this.logStartup();
    return { service: this.profile.name, previousPhase, phase: this.currentPhase, port: this.boundPort, downMs };
  }

  /** Advances the synthetic world by `dtMs`: traffic into the metrics, lines into the log. */
  tick(dtMs: number, upstreamInTrouble: boolean): void {
    if (this.currentPhase === 'down' || this.currentPhase === 'restarting') return;
    const behaviour = this.behaviour();
    for (let n = this.count(this.profile.rps, dtMs); n > 0; n--) {
      const route = this.profile.routes[Math.floor(this.random() * this.profile.routes.length)]!;
      observeRequest(this.metrics, route, sampleStatus(behaviour.errorRatio, this.random), sampleLatency(behaviour.latencySeconds, this.random));
    }
    const pull = Math.min(1, 0.08 * (dtMs / 250));
    this.queueDepth += (behaviour.queueTarget - this.queueDepth) * pull + (this.random() - 0.5) * 4;
    this.queueDepth = Math.max(0, this.queueDepth);
    this.metrics.queue.set({ queue: this.profile.queue }, Math.round(this.queueDepth));
    const lines = this.count(this.profile.logRate, dtMs);
    const now = Date.now();
    for (let i = 1; i <= lines; i++) {
      const context = { profile: this.profile, phase: this.currentPhase, severity: this.severity(), upstreamInTrouble, random: this.random };
      // Spread over the step, in order, so timestamps look like lines written as things happened.
      this.writeEntry(nextLogEntry(context), new Date(now - dtMs + (i * dtMs) / (lines + 1)));
    }
  }

  /** Closes the server, cancels its timers and closes its log file. */
  async stop(): Promise<void> {
    this.stopping.abort();
    clearTimeout(this.failureTimer);
    await this.restarting?.catch(() => undefined);
    await this.closeListener();
    await this.log.close();
  }

  // A Poisson draw, so requests and log lines arrive in irregular bursts as real ones do.
  private count(perSecond: number, dtMs: number): number {
    const threshold = Math.exp(-(perSecond * dtMs) / 1000);
    let n = 0;
    for (let p = this.random(); p > threshold; p *= this.random()) n++;
    return n;
  }

  private setPhase(phase: ServicePhase): void {
    this.currentPhase = phase;
    this.phaseSince = Date.now();
  }

  private writeEntry(entry: LogEntry, at = new Date()): void {
    const format = this.random() < 0.15 ? ALTERNATE_FORMAT[this.profile.logFormat] : this.profile.logFormat;
    this.log.append(formatEntry(format, this.profile.name, entry, at));
  }

  private logStartup(): void {
    this.startedAt = Date.now();
    const fields = { version: this.profile.version, pid: process.pid };
    this.writeEntry({ level: 'INFO', message: `starting ${this.profile.name}`, fields });
    this.writeEntry({ level: 'INFO', message: `listening on ${LOOPBACK}:${this.boundPort}`, fields: {} });
  }

  private async listen(port = 0): Promise<void> {
    const server = createServer(
      createServiceHandler({
        profile: this.profile,
        metrics: this.metrics,
        behaviour: () => this.behaviour(),
        severity: () => this.severity(),
        uptimeSeconds: () => (Date.now() - this.startedAt) / 1000,
        random: this.random,
        signal: this.stopping.signal,
      }),
    );
    server.keepAliveTimeout = 2000;
    for (let attempt = 0; ; attempt++) {
      try {
        this.boundPort = await listenOnLoopback(server, port);
        this.server = server;
        return;
      } catch (error) {
        // The port was just released; another process grabbing it is rare but possible.
        if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || attempt >= 20) throw error;
        await sleep(100, undefined, { signal: this.stopping.signal });
      }
    }
  }

  private async closeListener(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await closeServer(server);
  }
}
