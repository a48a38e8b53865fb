// Test support: a real OpenSSH sshd on a free loopback port, with a throwaway host key and
// authorized_keys in a temp dir. It can be killed hard (listener and per-connection processes,
// as a crash or reboot would) and started again on the same port.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { commandName, descendantsOf } from './process-probe.js';
import { waitFor } from '../helpers/wait-for.js';
import type { KeyPair } from './ssh-test-server.js';

/** Where sshd lives on Debian. */
export const SSHD = '/usr/sbin/sshd';

/** Why a real sshd cannot run here, or undefined when it can. */
export function sshdUnavailable(): string | undefined {
  if (!existsSync(SSHD)) return `sshd not installed (${SSHD} missing): apt-get install -y openssh-server`;
  if (process.getuid?.() !== 0) return 'sshd needs root here (privilege separation and /run/sshd)';
  return undefined;
}

function accepting(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** One sshd configuration in a temp dir, started and killed on demand. */
export class OpenSshServer {
  private process?: ChildProcess;
  private stderr = '';
  readonly configPath: string;

  constructor(
    readonly dir: string,
    readonly port: number,
    hostKey: KeyPair,
    authorizedKeys: string[],
  ) {
    // Readable by a non-root login user: sshd reads authorized_keys as that user.
    chmodSync(dir, 0o755);
    writeFileSync(join(dir, 'host_ed25519'), hostKey.private, { mode: 0o600 });
    writeFileSync(join(dir, 'authorized_keys'), authorizedKeys.join('\n') + '\n', { mode: 0o644 });
    this.configPath = join(dir, 'sshd_config');
    writeFileSync(
      this.configPath,
      [
        `Port ${port}`,
        'ListenAddress 127.0.0.1',
        `HostKey ${join(dir, 'host_ed25519')}`,
        `AuthorizedKeysFile ${join(dir, 'authorized_keys')}`,
        `PidFile ${join(dir, 'sshd.pid')}`,
        'UsePAM no',
        'StrictModes no',
        'PasswordAuthentication no',
        'KbdInteractiveAuthentication no',
        'PermitRootLogin prohibit-password',
        'LogLevel ERROR',
        '',
      ].join('\n'),
    );
  }

  /** Starts sshd and waits until it accepts connections; throws with its stderr if it dies. */
  async start(): Promise<void> {
    mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
    this.stderr = '';
    const child = spawn(SSHD, ['-D', '-e', '-f', this.configPath], { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.process = child;
    let exited = false;
    child.once('exit', () => (exited = true));
    let up = false;
    await waitFor(
      () => {
        if (exited) return true;
        void accepting(this.port).then((ok) => (up ||= ok));
        return up;
      },
      { what: 'sshd to accept connections' },
    );
    // Something else may have answered on the port while sshd failed to bind it: give sshd a
    // moment to die of that before trusting it.
    await new Promise((resolve) => setTimeout(resolve, 300));
    if (exited) throw new Error(`sshd exited: ${this.stderr.trim()}`);
  }

  /** Kills the listener and every sshd process serving a connection, like a crash. */
  kill(): void {
    const pid = this.process?.pid;
    if (pid === undefined) return;
    const sshds = descendantsOf(pid).filter((p) => commandName(p)?.startsWith('sshd'));
    for (const target of [pid, ...sshds]) {
      try {
        process.kill(target, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
    this.process = undefined;
  }

  /** Stops sshd for good (test teardown). */
  stop(): void {
    this.kill();
  }

  /** What sshd wrote to stderr since it last started. */
  get log(): string {
    return this.stderr;
  }
}
