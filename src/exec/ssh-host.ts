// One shared SSH connection per host: opened on first use, shared by every check, tail and action
// on that host (each is a channel), kept alive, and reconnected with backoff while streams need it.
// After a drop, the first successful reconnect reports the gap as a notice for the timeline.
import type { Duplex } from 'node:stream';
import type { Client } from 'ssh2';
import { createHostKeyCheck, type AcceptedKeys } from './host-key-check.js';
import { planAuth } from './ssh-auth.js';
import { plainReason, type AttemptContext } from './ssh-errors.js';
import { ssh2 } from './ssh2-module.js';
import type { SshTarget } from './ssh-target.js';
import type { HostState } from './types.js';

/** How an SshHost connects and reports; shared by every host of one executor. */
export interface SshHostOptions {
  /** The user's known_hosts, then the global one. */
  knownHostsPaths: string[];
  acceptedKeys: AcceptedKeys;
  agentSocket?: string;
  home: string;
  connectTimeoutMs: number;
  keepaliveIntervalMs: number;
  keepaliveCountMax: number;
  backoffInitialMs: number;
  backoffMaxMs: number;
  /** OpenSSH's MaxSessions default: channels beyond it on one connection are refused. */
  maxChannels: number;
  /** Opens the tunnel to this host through its ProxyJump hop, when it has one. */
  openJump?: () => Promise<Duplex>;
  onState: (state: HostState) => void;
  onNotice: (text: string) => void;
}

/** "14:02:11" in UTC, the timeline's clock. */
export function clockTime(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(11, 19);
}

/** The connection to one host and its state. */
export class SshHost {
  /** `app-1 (127.0.0.1:2222)`: how messages name this host. */
  readonly label: string;
  private state: HostState;
  private live?: Client;
  private connecting?: Promise<Client>;
  private failures = 0;
  private retryAt = 0;
  private retryTimer?: NodeJS.Timeout;
  private lastReason = '';
  private lostAt?: number;
  private holders = 0;
  private closed = false;
  private activeChannels = 0;
  private readonly channelWaiters: Array<() => void> = [];
  private readonly connectedListeners = new Set<() => void>();
  private readonly noticeListeners = new Set<(text: string) => void>();

  constructor(
    readonly target: SshTarget,
    private readonly options: SshHostOptions,
  ) {
    this.label = `${target.name} (${target.address}:${target.port})`;
    this.state = { host: target.name, state: 'idle', since: Date.now() };
  }

  /** The current state, for the UI. */
  get hostState(): HostState {
    return this.state;
  }

  /** True while `client` is this host's open connection (false once it dropped). */
  isLive(client: Client): boolean {
    return this.live === client;
  }

  /** The open connection, connecting first if needed; rejects with a plain message. */
  connect(): Promise<Client> {
    if (this.closed) return Promise.reject(new Error(`${this.label}: closed`));
    if (this.live) return Promise.resolve(this.live);
    if (this.connecting) return this.connecting;
    // Inside the backoff window, fail fast with the last reason instead of hammering the host.
    if (this.state.state === 'failed' && Date.now() < this.retryAt) {
      return Promise.reject(new Error(`${this.label}: ${this.lastReason}`));
    }
    return this.attempt();
  }

  /** Keeps the connection coming back after drops for as long as the returned release is not called. */
  hold(): () => void {
    this.holders++;
    if (!this.live && !this.connecting) this.scheduleReconnect();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.holders--;
      if (this.holders === 0) clearTimeout(this.retryTimer);
    };
  }

  /** Calls `listener` after every successful (re)connect. */
  onConnected(listener: () => void): () => void {
    this.connectedListeners.add(listener);
    return () => this.connectedListeners.delete(listener);
  }

  /** Calls `listener` with this host's notices (connection gaps). */
  onNotice(listener: (text: string) => void): () => void {
    this.noticeListeners.add(listener);
    return () => this.noticeListeners.delete(listener);
  }

  /** Waits for a free channel slot; the returned function gives it back. */
  async acquireChannel(): Promise<() => void> {
    while (this.activeChannels >= this.options.maxChannels) {
      await new Promise<void>((resolve) => this.channelWaiters.push(resolve));
    }
    this.activeChannels++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.activeChannels--;
      this.channelWaiters.shift()?.();
    };
  }

  /** Ends the connection for good. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retryTimer);
    const client = this.live;
    this.live = undefined;
    if (client) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 2000);
        client.once('close', () => {
          clearTimeout(timer);
          resolve();
        });
        client.end();
      });
    }
    this.setState('idle');
  }

  private attempt(): Promise<Client> {
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.setState('connecting');
    this.connecting = this.open().then(
      (client) => {
        this.connecting = undefined;
        this.onOpened(client);
        return client;
      },
      (error: Error) => {
        this.connecting = undefined;
        this.failures++;
        const delay = Math.min(this.options.backoffMaxMs, this.options.backoffInitialMs * 2 ** (this.failures - 1));
        this.retryAt = Date.now() + delay;
        this.lastReason = error.message;
        this.setState('failed', error.message);
        this.scheduleReconnect();
        throw new Error(`${this.label}: ${error.message}`);
      },
    );
    return this.connecting;
  }

  private async open(): Promise<Client> {
    const check = createHostKeyCheck(this.target, this.options.knownHostsPaths, this.options.acceptedKeys);
    const auth = planAuth(this.target, this.options.agentSocket, this.options.home);
    const context: AttemptContext = { tried: auth.tried, connectTimeoutMs: this.options.connectTimeoutMs };
    const sock = this.options.openJump ? await this.options.openJump() : undefined;
    const client = new (ssh2().Client)();
    return new Promise<Client>((resolve, reject) => {
      let settled = false;
      const fail = (error: Error) => {
        if (settled) return;
        settled = true;
        context.hostKeyProblem = check.problem;
        client.end();
        sock?.destroy();
        reject(new Error(plainReason(error, context)));
      };
      client.once('ready', () => {
        if (settled) return;
        settled = true;
        if (check.acceptedNew) this.notice(check.acceptedNew);
        resolve(client);
      });
      client.on('error', fail);
      client.once('close', () => fail(new Error('connection closed during handshake')));
      try {
        client.connect({
          host: this.target.address,
          port: this.target.port,
          username: this.target.user,
          sock,
          hostVerifier: check.verify,
          algorithms: check.algorithms,
          authHandler: auth.handler,
          readyTimeout: this.options.connectTimeoutMs,
          keepaliveInterval: this.options.keepaliveIntervalMs,
          keepaliveCountMax: this.options.keepaliveCountMax,
        });
      } catch (error) {
        fail(error as Error);
      }
    });
  }

  private onOpened(client: Client): void {
    if (this.closed) {
      client.end();
      return;
    }
    this.live = client;
    this.failures = 0;
    this.retryAt = 0;
    this.setState('connected');
    client.once('close', () => this.onDropped(client));
    if (this.lostAt !== undefined) {
      this.notice(`${this.target.name}: connection lost ${clockTime(this.lostAt)}–${clockTime(Date.now())}`);
      this.lostAt = undefined;
    }
    for (const listener of [...this.connectedListeners]) listener();
  }

  private onDropped(client: Client): void {
    if (this.live !== client) return;
    this.live = undefined;
    if (this.closed) return;
    this.lostAt ??= Date.now();
    this.lastReason = 'connection lost';
    this.setState('failed', 'connection lost');
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.closed || this.holders === 0 || this.retryTimer || this.connecting || this.live) return;
    const delay = Math.max(0, this.retryAt - Date.now());
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      if (this.holders > 0 && !this.live && !this.connecting) this.attempt().catch(() => undefined);
    }, delay);
  }

  private notice(text: string): void {
    this.options.onNotice(text);
    for (const listener of [...this.noticeListeners]) listener(text);
  }

  private setState(state: HostState['state'], reason?: string): void {
    if (this.state.state === state && this.state.reason === reason) return;
    this.state = { host: this.target.name, state, reason, since: Date.now() };
    this.options.onState(this.state);
  }
}
