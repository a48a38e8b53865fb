// A resolved WarroomConfig built by hand, shaped like the loader's output for
// `instances:` and `ports:` (one CheckConfig per row).
import type { CheckConfig, ServiceConfig, WarroomConfig } from '../../src/config/types.js';

const pos = { file: 'warroom.yaml', line: 1, col: 1 };
const timing = { intervalMs: 5000, timeoutMs: 2000, downAfter: 2, upAfter: 1, pos };

/** A service with the given checks. */
export function service(name: string, checks: CheckConfig[], instances: string[] = []): ServiceConfig {
  return { name, instances, checks, logs: [], actions: {}, pos };
}

/** `http: http://127.0.0.1:{port}/health` with `ports:` expanded. */
export function portChecks(service: string, ports: number[], path = '/health'): CheckConfig[] {
  return ports.map((port) => ({
    ...timing,
    id: `${service}#0:${port}`,
    service,
    label: `:${port}`,
    kind: 'http',
    url: `http://127.0.0.1:${port}${path}`,
    headers: {},
    followRedirects: false,
    port,
  }));
}

/** `tcp:` on each instance's address (instances all live on loopback here). */
export function instanceChecks(service: string, instances: { name: string; port: number }[]): CheckConfig[] {
  return instances.map(({ name, port }) => ({
    ...timing,
    id: `${service}/${name}#0`,
    service,
    instance: name,
    label: `tcp ${port}`,
    kind: 'tcp',
    host: '127.0.0.1',
    port,
  }));
}

/** A whole config around some services. */
export function warroomConfig(services: ServiceConfig[]): WarroomConfig {
  return {
    file: '/tmp/warroom.yaml',
    baseDir: '/tmp',
    incident: { title: 't', severity: 'P2', responseTargets: { P0: 1, P1: 1, P2: 1, P3: 1, P4: 1 } },
    hosts: {},
    services,
    timeline: { dir: '/tmp/incidents', redact: [] },
    logs: { buffer: 100, errorRateNote: 30 },
    secrets: [],
  };
}
