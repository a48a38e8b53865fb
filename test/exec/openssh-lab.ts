// Test support: an executor wired to a real OpenSSH sshd on a free loopback port, with its own
// host key, user key, known_hosts and a log file to follow.
import type { TestContext } from 'node:test';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createExecutor, type HostState } from '../../src/exec/index.js';
import { OpenSshServer } from './openssh-server.js';
import { freePort } from '../helpers/free-port.js';
import { generateKeyPair } from './ssh-test-server.js';

/** A running sshd and an executor whose host `lab` is it. */
export interface RealLab {
  sshd: OpenSshServer;
  logFile: string;
  states: HostState[];
  notices: string[];
  executor: ReturnType<typeof createExecutor>;
}

/** Starts sshd letting `user` in, and an executor for it; both go at the end of the test. */
export async function realLab(t: TestContext, user: string): Promise<RealLab> {
  const dir = mkdtempSync(join(tmpdir(), 'warroom-sshd-'));
  const home = join(dir, 'home');
  mkdirSync(join(home, '.ssh'), { recursive: true });
  const hostKey = generateKeyPair();
  const userKey = generateKeyPair();
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  // Other tests bind loopback ports too: a port free a moment ago may be taken; try another.
  let sshd: OpenSshServer | undefined;
  let port = 0;
  for (let attempt = 1; !sshd; attempt++) {
    port = await freePort();
    const candidate = new OpenSshServer(dir, port, hostKey, [userKey.public]);
    try {
      await candidate.start();
      sshd = candidate;
    } catch (error) {
      candidate.stop();
      if (attempt === 3) throw error;
    }
  }
  const server = sshd;
  t.after(() => server.stop());
  const keyPath = join(home, '.ssh', 'id_ed25519');
  writeFileSync(keyPath, userKey.private, { mode: 0o600 });
  const knownHosts = join(home, '.ssh', 'known_hosts');
  writeFileSync(knownHosts, `[127.0.0.1]:${port} ${hostKey.public}\n`);
  const logFile = join(dir, `app-${randomBytes(4).toString('hex')}.log`);
  writeFileSync(logFile, 'boot\n');
  chmodSync(logFile, 0o644);
  const states: HostState[] = [];
  const notices: string[] = [];
  const executor = createExecutor({
    hosts: { lab: { name: 'lab', address: '127.0.0.1', port, user, identityFile: keyPath, insecureAcceptNewHostKey: false } },
    knownHostsPath: knownHosts,
    globalKnownHostsPath: null,
    sshConfigPath: join(home, '.ssh', 'config'),
    agentSocket: null,
    home,
    backoffInitialMs: 250,
    backoffMaxMs: 1000,
    onHostState: (s) => states.push(s),
    onNotice: (text) => notices.push(text),
  });
  t.after(() => executor.close());
  return { sshd, logFile, states, notices, executor };
}
