// A real nats-server with JetStream for the sharing tests: its own free loopback port and store
// folder, stopped and started again on the same port and store (an outage), killed at the end.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { freePort } from './free-port.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitFor } from './wait-for.js';

const BINARY = ['/usr/sbin/nats-server', '/usr/bin/nats-server'].find((path) => existsSync(path)) ?? 'nats-server';

/** Why no nats-server can run here, or null when one can. */
export function natsServerMissing(): string | null {
  const probe = spawnSync(BINARY, ['--version'], { encoding: 'utf8' });
  return probe.status === 0 ? null : 'nats-server is not installed (apt-get install nats-server)';
}

function accepting(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString().startsWith('INFO'));
    });
    socket.once('error', () => resolve(false));
  });
}

/** One nats-server process (restartable). */
export class NatsServer {
  private process: ChildProcess | null = null;
  private log = '';

  private constructor(
    readonly port: number,
    readonly storeDir: string,
    private readonly configFile: string | null,
  ) {}

  /** nats://127.0.0.1:PORT */
  get url(): string {
    return `nats://127.0.0.1:${this.port}`;
  }

  /** Starts a server with JetStream; `config` (nats-server config text, with PORT and STORE filled in) for auth tests. */
  static async start(config?: string): Promise<NatsServer> {
    const port = await freePort();
    const storeDir = mkdtempSync(join(tmpdir(), 'warroom-nats-'));
    let configFile: string | null = null;
    if (config) {
      configFile = join(storeDir, 'server.conf');
      writeFileSync(configFile, config.replaceAll('PORT', String(port)).replaceAll('STORE', join(storeDir, 'js')));
    }
    const server = new NatsServer(port, storeDir, configFile);
    await server.resume();
    return server;
  }

  /** Starts the process again (same port, same store). */
  async resume(): Promise<void> {
    const args = this.configFile ? ['-c', this.configFile] : ['-js', '-a', '127.0.0.1', '-p', String(this.port), '-sd', this.storeDir];
    const child = spawn(BINARY, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr?.on('data', (chunk: Buffer) => (this.log = (this.log + chunk.toString()).slice(-4000)));
    this.process = child;
    // A test process killed (timeout, kill -9) must not leave its server running for hours.
    spawn('sh', ['-c', `while kill -0 ${process.pid} 2>/dev/null && kill -0 ${child.pid} 2>/dev/null; do sleep 2; done; kill ${child.pid} 2>/dev/null`], {
      detached: true,
      stdio: 'ignore',
    }).unref();
    await waitFor(() => accepting(this.port), { timeoutMs: 20_000, intervalMs: 50, what: `nats-server on ${this.port} (log: ${this.log})` });
  }

  /** Stops the process (SIGTERM, as an administrator would) and waits for it to exit. */
  async stop(): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null) return;
    this.process = null;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }

  /** Ends it for good, with its store folder. */
  async close(): Promise<void> {
    await this.stop();
    rmSync(this.storeDir, { recursive: true, force: true });
  }
}
