// The demo estate: a small fictional system on loopback that `warroom demo` watches. Everything
// runs inside the calling process on ephemeral ports, and `stop()` leaves nothing behind.
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import type { ServicePhase } from './behaviour.js';
import { renderDemoConfig } from './config-yaml.js';
import type { DemoEstateInfo } from './estate-info.js';
import { startControlServer, type ControlServer } from './control-server.js';
import { startDemoAlertmanager } from './demo-alertmanager.js';
import { startDemoDatabase, type DemoDatabase } from './database.js';
import { DemoService } from './demo-service.js';
import { ctlArgv, demoRunbookPath, shellWord } from './locations.js';
import { LOOPBACK } from './loopback.js';
import { DATABASE_NAME, DEMO_SERVICES, INCIDENT_SERVICE } from './profiles.js';
import { startWebhookSink, type ReceivedPage, type WebhookSink } from './webhook-sink.js';

/** How to start the demo estate. */
export interface DemoEstateOptions {
  /**
   * Folder for log files (and the timeline); a fresh temp folder when omitted, removed again by
   * `stop()` unless the timeline was left inside it.
   */
  dir?: string;
  /** Speeds up the scripted incident and restarts (10 = ten times faster). @default 1 */
  speed?: number;
  /** Where the demo config puts the incident timeline. @default `<dir>/incidents` */
  timelineDir?: string;
  /** Whether checkout-api fails on its own after a while. @default true */
  scriptedIncident?: boolean;
}

/** A running demo estate. */
export interface DemoEstate {
  info: DemoEstateInfo;
  /** Payloads the webhook sink received (escalation pages, status updates), oldest first. */
  pages: ReceivedPage[];
  /** An ordinary warroom.yaml describing this estate, with its real ports and paths. */
  configYaml(): string;
  /** Variables the shipped runbook's commands use (`CHECKOUT_URL`, `CONTROL_URL`, `DEMO_LOG_DIR`, ...). */
  env(): Record<string, string>;
  /** The phase of each HTTP service, by name. */
  phases(): Record<string, ServicePhase>;
  /** Closes every server, timer and file (and removes the temp folder it made); idempotent. */
  stop(): Promise<void>;
}

/** Timings at speed 1; divided by `speed`. */
const INCIDENT_ONSET_MS = 20_000;
const DEGRADATION_MS = 40_000;
const RESTART_DOWN_MS = 1_500;
/** The synthetic world advances in steps of this size, whatever the speed. */
const TICK_MS = 250;

/** Starts the demo estate on 127.0.0.1 with ephemeral ports. */
export async function startDemoEstate(options: DemoEstateOptions = {}): Promise<DemoEstate> {
  const speed = options.speed !== undefined && options.speed > 0 ? options.speed : 1;
  const dir = resolve(options.dir ?? (await mkdtemp(join(tmpdir(), 'warroom-demo-'))));
  const logDir = join(dir, 'logs');
  const timelineDir = resolve(options.timelineDir ?? join(dir, 'incidents'));
  // A temp folder the estate made is its own to clean up, but never while it holds the record of the incident.
  const removeDirOnStop = options.dir === undefined && relative(dir, timelineDir).startsWith('..');
  await mkdir(logDir, { recursive: true });
  // The restart action runs the control command through a one-line script in the demo's folder:
  // the command the confirmation shows and the post-mortem records is short, and does not name
  // where warroom is installed on this machine.
  const ctl = join(dir, 'warroom-demo-ctl');
  await writeFile(ctl, `#!/bin/sh\nexec ${ctlArgv().map(shellWord).join(' ')} "$@"\n`);
  await chmod(ctl, 0o755);
  const services = DEMO_SERVICES.map((profile) => new DemoService(profile, join(logDir, `${profile.name}.log`)));
  const byName = new Map(services.map((service) => [service.profile.name, service]));
  const stoppers: (() => Promise<void>)[] = services.map((service) => () => service.stop());
  const timers: NodeJS.Timeout[] = [];
  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopped ??= (async () => {
      for (const timer of timers) clearTimeout(timer);
      await Promise.all(stoppers.map((stopOne) => stopOne().catch(() => undefined)));
      if (removeDirOnStop) await rm(dir, { recursive: true, force: true }).catch(() => undefined);
    })();
    return stopped;
  };

  try {
    await Promise.all(services.map((service) => service.start()));
    const database: DemoDatabase = await startDemoDatabase(DATABASE_NAME);
    stoppers.push(() => database.stop());
    const sink: WebhookSink = await startWebhookSink();
    stoppers.push(() => sink.stop());
    const restart = (name: string) => byName.get(name)!.restart(Math.max(20, RESTART_DOWN_MS / speed));
    const fail = async (name: string, mode: 'degrade' | 'down'): Promise<boolean> => {
      const service = byName.get(name)!;
      if (mode === 'down' && (service.phase === 'healthy' || service.phase === 'degraded')) {
        await service.goDown();
        return true;
      }
      return service.beginFailure(DEGRADATION_MS / speed);
    };
    const phases = (): Record<string, ServicePhase> => Object.fromEntries(services.map((s) => [s.profile.name, s.phase]));
    const control: ControlServer = await startControlServer({
      services: () => [...byName.keys()],
      status: () => ({ services: services.map((s) => ({ name: s.profile.name, phase: s.phase, url: s.url })), database: { name: DATABASE_NAME, port: database.port } }),
      restart,
      fail,
    });
    stoppers.push(() => control.stop());
    const alertmanager = await startDemoAlertmanager(phases);
    stoppers.push(() => alertmanager.stop());

    const tick = setInterval(() => {
      const troubled = new Set(services.filter((s) => s.phase !== 'healthy').map((s) => s.profile.name));
      for (const service of services) service.tick(TICK_MS, troubled.has(service.profile.upstream ?? ''));
    }, TICK_MS);
    tick.unref();
    timers.push(tick);
    if (options.scriptedIncident !== false) {
      const onset = setTimeout(() => void fail(INCIDENT_SERVICE, 'degrade'), INCIDENT_ONSET_MS / speed);
      onset.unref();
      timers.push(onset);
    }

    const info: DemoEstateInfo = {
      dir,
      logDir,
      timelineDir,
      runbook: demoRunbookPath(),
      controlUrl: control.url,
      webhookUrl: sink.url,
      alertmanagerUrl: alertmanager.url,
      database: { name: DATABASE_NAME, host: LOOPBACK, port: database.port },
      services: services.map((s) => ({ name: s.profile.name, port: s.port, url: s.url, logFile: s.log.path, urlEnv: `${s.profile.envName}_URL` })),
    };
    return {
      info,
      pages: sink.pages,
      configYaml: () => renderDemoConfig(info, [ctl]),
      env: () => estateEnv(info),
      phases,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

function estateEnv(info: DemoEstateInfo): Record<string, string> {
  const env: Record<string, string> = {
    CONTROL_URL: info.controlUrl,
    DEMO_LOG_DIR: info.logDir,
    DEMO_DB_ADDR: `${info.database.host}:${info.database.port}`,
    DEMO_DB_HOST: info.database.host,
    DEMO_DB_PORT: String(info.database.port),
    DEMO_WEBHOOK_URL: info.webhookUrl,
  };
  for (const service of info.services) env[service.urlEnv] = service.url;
  return env;
}
