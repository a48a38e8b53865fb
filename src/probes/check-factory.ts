// Builds the runnable checks from the resolved config: one Check per configured check (ports and
// instances were already expanded by the loader), numbered in config order.
import type { CheckConfig, WarroomConfig } from '../config/types.js';
import type { Executor } from '../exec/types.js';
import { CommandCheck } from './command-check.js';
import { DescribedCheck } from './described-check.js';
import { HttpCheck } from './http-check.js';
import { sharedHttpPool, type HttpPool } from './http-pool.js';
import { PromqlCheck } from './promql-check.js';
import { TcpCheck } from './tcp-check.js';
import type { Check } from './types.js';

/** What checks need from the rest of the engine. */
export interface CheckDeps {
  /** Runs command checks (locally or over SSH). */
  executor: Executor;
  /** @default the process-wide pool */
  pool?: HttpPool;
}

/** Every check of every service, in config order. */
export function createChecks(config: WarroomConfig, deps: CheckDeps): Check[] {
  const all = config.services.flatMap((service) => service.checks);
  return all.map((check, order) => createCheck(check, config, deps, order));
}

/** One runnable check for one configured check. */
export function createCheck(check: CheckConfig, config: WarroomConfig, deps: CheckDeps, order = 0): Check {
  const pool = deps.pool ?? sharedHttpPool();
  switch (check.kind) {
    case 'http':
      return new HttpCheck(check, pool, order);
    case 'tcp':
      return new TcpCheck(check, order);
    case 'command':
      return new CommandCheck(check, deps.executor, order);
    case 'promql':
      return new PromqlCheck(check, config.metrics?.prometheus, pool, order);
    default:
      return new DescribedCheck(check, order);
  }
}
