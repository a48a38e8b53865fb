// Which service on the status board an alert is about, from its labels: a `service` (or `job`,
// `app`) label naming a configured service, else an `instance` label naming one of a service's
// hosts or the host:port one of its checks probes.
import type { ServiceConfig } from '../config/types.js';

/** Labels that name the service itself, in the order they are trusted. */
const SERVICE_LABELS = ['service', 'app', 'job', 'app_kubernetes_io_name', 'container'];

/** Finds the board's service for an alert's labels. */
export class ServiceLinker {
  private readonly names = new Set<string>();
  private readonly byInstance = new Map<string, string>();

  constructor(services: readonly ServiceConfig[]) {
    for (const service of services) {
      this.names.add(service.name);
      for (const host of service.instances) this.byInstance.set(host, service.name);
      for (const check of service.checks) {
        const target = checkTarget(check);
        if (target && !this.byInstance.has(target)) this.byInstance.set(target, service.name);
      }
    }
  }

  /** The service an alert with these labels is about, or null. */
  serviceFor(labels: Readonly<Record<string, string>>): string | null {
    for (const label of SERVICE_LABELS) {
      const value = labels[label];
      if (value !== undefined && this.names.has(value)) return value;
    }
    const instance = labels.instance;
    if (instance === undefined) return null;
    return this.byInstance.get(instance) ?? this.byInstance.get(instance.replace(/:\d+$/, '')) ?? null;
  }
}

/** The host:port a check probes, as an `instance` label would name it. */
function checkTarget(check: ServiceConfig['checks'][number]): string | null {
  if (check.kind === 'tcp') return `${check.host}:${check.port}`;
  if (check.kind !== 'http') return null;
  try {
    const url = new URL(check.url);
    return `${url.hostname}:${url.port || (url.protocol === 'https:' ? '443' : '80')}`;
  } catch {
    return null;
  }
}
