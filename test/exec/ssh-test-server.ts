// Test support: an in-process ssh2 Server on 127.0.0.1 that runs exec requests as real local
// processes (each in its own group, killed when the channel closes or on a signal request).
// Like sshd, it gives the process the channel's data as its input.
import { spawn } from 'node:child_process';
import { timingSafeEqual } from 'node:crypto';
import { connect } from 'node:net';
import ssh2, { type Connection, type ParsedKey } from 'ssh2';

const { Server, utils } = ssh2;

/** A generated ed25519 key pair in OpenSSH format. */
export interface KeyPair {
  private: string;
  public: string;
}

/** Generates a fresh ed25519 key pair. */
export function generateKeyPair(): KeyPair {
  // ssh2 1.17 writes a malformed key when the ed25519 key starts with a zero byte (~1 in 256).
  for (;;) {
    const pair = utils.generateKeyPairSync('ed25519');
    if (!(utils.parseKey(pair.public) instanceof Error) && !(utils.parseKey(pair.private) instanceof Error)) {
      return { private: pair.private, public: pair.public };
    }
  }
}

/** A running test server. */
export interface TestSshServer {
  port: number;
  /** Every exec command received, in order. */
  commands: string[];
  /** Signal names received through channel signal requests. */
  signals: string[];
  /** Connections accepted so far (a shared connection shows as one). */
  connectionCount: number;
  close(): Promise<void>;
}

function parsed(publicKey: string): ParsedKey {
  const key = utils.parseKey(publicKey);
  if (key instanceof Error) throw key;
  return key;
}

/** Starts a server with `hostKey` that lets `user` in with `authorizedKey` only. */
export async function startTestSshServer(options: {
  hostKey: KeyPair;
  authorizedKey: KeyPair;
  user?: string;
  /** Listen on this port (a server coming back where it was); default a free one. */
  port?: number;
}): Promise<TestSshServer> {
  const allowed = parsed(options.authorizedKey.public);
  const user = options.user ?? 'deploy';
  const connections = new Set<Connection>();
  const state: TestSshServer = { port: 0, commands: [], signals: [], connectionCount: 0, close: async () => undefined };
  const server = new Server({ hostKeys: [options.hostKey.private] }, (client) => {
    connections.add(client);
    state.connectionCount++;
    // direct-tcpip, so the server can be a ProxyJump hop.
    client.on('tcpip', (accept, _reject, info) => {
      const upstream = connect(info.destPort, info.destIP);
      const channel = accept();
      upstream.on('error', () => channel.close());
      upstream.pipe(channel).pipe(upstream);
    });
    client.on('close', () => connections.delete(client));
    client.on('error', () => undefined);
    client.on('authentication', (ctx) => {
      if (ctx.method !== 'publickey' || ctx.username !== user) return ctx.reject(['publickey']);
      const blob = allowed.getPublicSSH();
      if (ctx.key.algo !== allowed.type || ctx.key.data.length !== blob.length || !timingSafeEqual(ctx.key.data, blob)) {
        return ctx.reject(['publickey']);
      }
      if (!ctx.signature) return ctx.accept();
      if (allowed.verify(ctx.blob!, ctx.signature, ctx.hashAlgo) !== true) return ctx.reject(['publickey']);
      ctx.accept();
    });
    // A dropped connection does not close its channels on this side: end their processes with it.
    const killers = new Set<() => void>();
    client.on('close', () => killers.forEach((kill) => kill()));
    client.on('session', (acceptSession) => {
      const session = acceptSession();
      let pid: number | undefined;
      killers.add(() => killGroup('SIGKILL'));
      const killGroup = (signal: NodeJS.Signals) => {
        try {
          if (pid !== undefined) process.kill(-pid, signal);
        } catch {
          // Already gone.
        }
      };
      session.on('signal', (accept, _reject, info) => {
        state.signals.push(info.name);
        accept?.();
        killGroup(`SIG${info.name.replace(/^SIG/, '')}` as NodeJS.Signals);
      });
      session.on('exec', (accept, _reject, info) => {
        state.commands.push(info.command);
        const channel = accept();
        const child = spawn('/bin/sh', ['-c', info.command], { detached: true, stdio: ['pipe', 'pipe', 'pipe'] });
        pid = child.pid;
        child.stdin.on('error', () => undefined);
        channel.pipe(child.stdin);
        child.stdout.pipe(channel, { end: false });
        child.stderr.pipe(channel.stderr, { end: false });
        channel.on('close', () => killGroup('SIGKILL'));
        child.on('close', (code, signal) => {
          try {
            if (signal) channel.exit(signal.replace(/^SIG/, ''), false, '');
            else channel.exit(code ?? 0);
            channel.end();
          } catch {
            // The channel went away first.
          }
        });
      });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  state.port = (server.address() as { port: number }).port;
  state.close = async () => {
    for (const connection of connections) connection.end();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return state;
}
