import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SSHConfig from 'ssh-config';
import type { HostConfig } from '../../src/config/types.js';
import { jumpTarget, loadSshConfig, parseHop, resolveTarget } from '../../src/exec/ssh-target.js';

const local = { home: '/home/op', username: 'op' };
const hosts: Record<string, HostConfig> = {
  'app-1': { name: 'app-1', address: '10.0.0.1', port: 2222, user: 'deploy', identityFile: '~/.ssh/deploy', insecureAcceptNewHostKey: false },
  'app-2': { name: 'app-2', address: '10.0.0.2', port: 22, insecureAcceptNewHostKey: true },
};
const sshConfig = SSHConfig.parse(`
Host db-*
  HostName %h.internal
  User postgres
  Port 2200
  IdentityFile ~/.ssh/db_key
  IdentityFile %d/.ssh/db_key2
  ProxyJump bastion
  StrictHostKeyChecking accept-new

Host bastion
  HostName bastion.example.com
  User jump

Host *
  User fallback
`);

test('a config host wins over the ssh config', () => {
  const target = resolveTarget('app-1', hosts, sshConfig, local);
  assert.equal(target.address, '10.0.0.1');
  assert.equal(target.port, 2222);
  assert.equal(target.user, 'deploy');
  assert.deepEqual(target.identityFiles, ['/home/op/.ssh/deploy']);
  assert.equal(target.proxyJump, undefined);
});

test('a config host without a user takes it from the ssh config, then the local account', () => {
  assert.equal(resolveTarget('app-2', hosts, sshConfig, local).user, 'fallback');
  assert.equal(resolveTarget('app-2', hosts, undefined, local).user, 'op');
  assert.equal(resolveTarget('app-2', hosts, undefined, local).insecureAcceptNewHostKey, true);
});

test('other names resolve like `ssh NAME`: HostName tokens, User, Port, IdentityFile, ProxyJump', () => {
  const target = resolveTarget('db-3', hosts, sshConfig, local);
  assert.equal(target.address, 'db-3.internal');
  assert.equal(target.user, 'postgres');
  assert.equal(target.port, 2200);
  assert.deepEqual(target.identityFiles, ['/home/op/.ssh/db_key', '/home/op/.ssh/db_key2']);
  assert.equal(target.proxyJump, 'bastion');
  assert.equal(target.insecureAcceptNewHostKey, true);
  const jump = jumpTarget(target, hosts, sshConfig, local);
  assert.equal(jump?.address, 'bastion.example.com');
  assert.equal(jump?.user, 'jump');
  assert.equal(jump?.proxyJump, undefined);
});

test('an unknown name with no ssh config is taken as the address itself', () => {
  const target = resolveTarget('203.0.113.9', hosts, undefined, local);
  assert.equal(target.address, '203.0.113.9');
  assert.equal(target.port, 22);
  assert.equal(target.user, 'op');
});

test('ProxyJump hops: user@host:port, and chains go through the earlier hops', () => {
  assert.deepEqual(parseHop('admin@gw.example.com:2022'), { user: 'admin', host: 'gw.example.com', port: 2022 });
  assert.deepEqual(parseHop('gw'), { user: undefined, host: 'gw', port: undefined });
  const target = { ...resolveTarget('x', hosts, undefined, local), proxyJump: 'first,admin@second:2022' };
  const jump = jumpTarget(target, hosts, undefined, local);
  assert.equal(jump?.address, 'second');
  assert.equal(jump?.user, 'admin');
  assert.equal(jump?.port, 2022);
  assert.equal(jump?.proxyJump, 'first');
});

test('Include in the ssh config is followed (relative to ~/.ssh, with globs)', (t) => {
  const home = mkdtempSync(join(tmpdir(), 'warroom-sshcfg-'));
  t.after(() => rmSync(home, { recursive: true, force: true }));
  mkdirSync(join(home, '.ssh', 'config.d'), { recursive: true });
  writeFileSync(join(home, '.ssh', 'config'), 'Include config.d/*\n\nHost *\n  User everyone\n');
  writeFileSync(join(home, '.ssh', 'config.d', '10-web'), 'Host web\n  HostName 10.1.1.1\n  Port 2201\n');
  writeFileSync(join(home, '.ssh', 'config.d', '20-db'), 'Host db\n  HostName 10.2.2.2\n  User pg\n');
  const config = loadSshConfig(join(home, '.ssh', 'config'), home);
  const me = { home, username: 'op' };
  const web = resolveTarget('web', {}, config, me);
  assert.deepEqual([web.address, web.port, web.user], ['10.1.1.1', 2201, 'everyone']);
  const db = resolveTarget('db', {}, config, me);
  assert.deepEqual([db.address, db.port, db.user], ['10.2.2.2', 22, 'pg']);
});
