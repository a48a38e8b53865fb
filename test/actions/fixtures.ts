// Plain-object config pieces for the actions tests.
import type { ActionConfig, ActionTarget, HostConfig } from '../../src/config/types.js';

/** An action with sensible defaults. */
export function action(partial: Partial<ActionConfig> & { targets: ActionTarget[] }): ActionConfig {
  return {
    service: 'checkout-api',
    name: 'restart',
    timeoutMs: 20_000,
    confirm: 'yes',
    rolling: false,
    pos: { file: 'warroom.yaml', line: 1, col: 1 },
    ...partial,
  };
}

/** Two configured hosts. */
export const HOSTS: Record<string, HostConfig> = {
  'app-1': { name: 'app-1', address: '127.0.0.1', port: 2222, user: 'deploy', insecureAcceptNewHostKey: false },
  'app-2': { name: 'app-2', address: '10.0.0.2', port: 22, insecureAcceptNewHostKey: false },
};
