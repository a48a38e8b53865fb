// The executor every capability is handed: local commands through child_process, remote ones
// over one shared SSH connection per host. See types.ts for the contract.
import { homedir, userInfo } from 'node:os';
import { join } from 'node:path';
import type { Duplex } from 'node:stream';
import type { HostConfig } from '../config/types.js';
import type { AcceptedKeys } from './host-key-check.js';
import { runLocal, streamLocal } from './local.js';
import { runSsh, streamSsh } from './ssh-command.js';
import { SshHost, type SshHostOptions } from './ssh-host.js';
import { jumpTarget, loadSshConfig, resolveTarget, type LocalIdentity, type SshTarget } from './ssh-target.js';
import type { Executor, HostState, RunOptions, RunResult, StreamHandle, StreamOptions } from './types.js';

export type { Executor, HostState, RunOptions, RunResult, StreamHandle, StreamOptions } from './types.js';

/** How to build an executor; everything but `hosts` has a sensible default. */
export interface ExecutorOptions {
  /** The config's `hosts:`; other names go through ~/.ssh/config. */
  hosts: Record<string, HostConfig>;
  /** @default ~/.ssh/config */
  sshConfigPath?: string;
  /** @default ~/.ssh/known_hosts */
  knownHostsPath?: string;
  /** Read after the user's file, like ssh's GlobalKnownHostsFile; null skips it. @default /etc/ssh/ssh_known_hosts */
  globalKnownHostsPath?: string | null;
  /** Every change of a host's connection state. */
  onHostState?: (state: HostState) => void;
  /** Connection notices for the timeline ("app-1: connection lost 14:02:11–14:02:19"), with the host's name. */
  onNotice?: (text: string, host: string) => void;
  /** ssh-agent socket; null disables the agent. @default process.env.SSH_AUTH_SOCK */
  agentSocket?: string | null;
  /** Home directory for `~`, default keys and default paths. @default os.homedir() */
  home?: string;
  /** @default 10000 */
  connectTimeoutMs?: number;
  /** @default 15000 */
  keepaliveIntervalMs?: number;
  /** Unanswered keepalives before the connection counts as dropped. @default 3 */
  keepaliveCountMax?: number;
  /** First reconnect delay, doubled per failure. @default 1000 */
  backoffInitialMs?: number;
  /** @default 30000 */
  backoffMaxMs?: number;
  /** Channels at once per connection (sshd's MaxSessions). @default 10 */
  maxChannelsPerHost?: number;
}

/** Creates the executor for one warroom process. */
export function createExecutor(options: ExecutorOptions): Executor & { hostStates(): HostState[] } {
  const home = options.home ?? homedir();
  const local: LocalIdentity = { home, username: userInfo().username };
  const knownHostsPath = options.knownHostsPath ?? join(home, '.ssh', 'known_hosts');
  const sshConfigPath = options.sshConfigPath ?? join(home, '.ssh', 'config');
  const acceptedKeys: AcceptedKeys = new Map();
  const hosts = new Map<string, SshHost>();
  const streams = new Set<StreamHandle>();
  // One controller per run in flight, so close() can cancel them all without piling listeners
  // onto one shared signal (dozens of checks run at once).
  const runsInFlight = new Set<AbortController>();
  let closed = false;
  let sshConfig: ReturnType<typeof loadSshConfig> | null = null;

  const readSshConfig = () => {
    // Read once, on the first remote command: a console that only runs local commands never touches it.
    if (sshConfig === null) sshConfig = loadSshConfig(sshConfigPath, home);
    return sshConfig;
  };

  const knownHostsPaths = [knownHostsPath];
  if (options.globalKnownHostsPath !== null) knownHostsPaths.push(options.globalKnownHostsPath ?? '/etc/ssh/ssh_known_hosts');

  const hostOptions = (name: string, openJump?: () => Promise<Duplex>): SshHostOptions => ({
    knownHostsPaths,
    acceptedKeys,
    agentSocket: options.agentSocket === null ? undefined : (options.agentSocket ?? process.env.SSH_AUTH_SOCK),
    home,
    connectTimeoutMs: options.connectTimeoutMs ?? 10_000,
    keepaliveIntervalMs: options.keepaliveIntervalMs ?? 15_000,
    keepaliveCountMax: options.keepaliveCountMax ?? 3,
    backoffInitialMs: options.backoffInitialMs ?? 1000,
    backoffMaxMs: options.backoffMaxMs ?? 30_000,
    maxChannels: options.maxChannelsPerHost ?? 10,
    openJump,
    onState: (state) => options.onHostState?.(state),
    onNotice: (text) => options.onNotice?.(text, name),
  });

  const hostFor = (target: SshTarget, key: string): SshHost => {
    const existing = hosts.get(key);
    if (existing) return existing;
    const jump = jumpTarget(target, options.hosts, readSshConfig(), local);
    const openJump = jump
      ? async () => {
          const client = await hostFor(jump, `${jump.user}@${jump.address}:${jump.port}|${jump.proxyJump ?? ''}`).connect();
          return new Promise<Duplex>((resolve, reject) =>
            client.forwardOut('127.0.0.1', 0, target.address, target.port, (error, channel) =>
              error ? reject(new Error(`through ${jump.name}: ${error.message}`)) : resolve(channel),
            ),
          );
        }
      : undefined;
    const host = new SshHost(target, hostOptions(target.name, openJump));
    hosts.set(key, host);
    return host;
  };

  const hostNamed = (name: string): SshHost => hostFor(resolveTarget(name, options.hosts, readSshConfig(), local), name);

  const failedRun = (error: string): RunResult => ({
    exitCode: null,
    signal: null,
    stdout: '',
    stderr: '',
    durationMs: 0,
    timedOut: false,
    cancelled: false,
    droppedBytes: 0,
    error,
  });

  return {
    async run(command: string, runOptions: RunOptions = {}): Promise<RunResult> {
      if (closed) return failedRun('not run: warroom is shutting down');
      const controller = new AbortController();
      const forward = () => controller.abort();
      if (runOptions.signal?.aborted) controller.abort();
      runOptions.signal?.addEventListener('abort', forward, { once: true });
      runsInFlight.add(controller);
      try {
        const signal = controller.signal;
        if (runOptions.host === undefined) return await runLocal(command, { ...runOptions, signal });
        let host: SshHost;
        try {
          host = hostNamed(runOptions.host);
        } catch (error) {
          return failedRun(`${runOptions.host}: ${(error as Error).message}`);
        }
        return await runSsh(host, command, { ...runOptions, signal });
      } finally {
        runsInFlight.delete(controller);
        runOptions.signal?.removeEventListener('abort', forward);
      }
    },

    stream(command: string, requested: StreamOptions): StreamHandle {
      let inner: StreamHandle;
      let handle: StreamHandle = { stop: async () => undefined };
      // A stream that ends by itself no longer needs stopping at close().
      const streamOptions: StreamOptions = {
        ...requested,
        onExit: (result) => {
          streams.delete(handle);
          requested.onExit?.(result);
        },
      };
      if (streamOptions.host === undefined) {
        inner = streamLocal(command, streamOptions);
      } else {
        try {
          inner = streamSsh(hostNamed(streamOptions.host), command, streamOptions);
        } catch (error) {
          const message = `${streamOptions.host}: ${(error as Error).message}`;
          queueMicrotask(() => streamOptions.onExit?.({ exitCode: null, signal: null, error: message }));
          return { stop: async () => undefined };
        }
      }
      handle = {
        stop: async () => {
          streams.delete(handle);
          await inner.stop();
        },
      };
      streams.add(handle);
      return handle;
    },

    async close(): Promise<void> {
      closed = true;
      for (const controller of runsInFlight) controller.abort();
      await Promise.all([...streams].map((handle) => handle.stop()));
      await Promise.all([...hosts.values()].map((host) => host.close()));
    },

    /** Every host connection touched so far and its state. */
    hostStates: () => [...hosts.values()].map((host) => host.hostState),
  };
}
