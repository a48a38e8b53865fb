// `warroom check` warnings: hosts known to neither hosts: nor the ssh config, missing files.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { lintConfig } from '../../src/config/lint.js';
import { loadConfigText } from '../../src/config/load.js';

const dir = mkdtempSync(join(tmpdir(), 'warroom-lint-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const sshConfig = join(dir, 'ssh_config');
writeFileSync(sshConfig, [
  'Host bastion',
  '  HostName 10.0.0.1',
  'Host web-* !web-secret',
  '  User deploy',
  'Host *',
  '  ServerAliveInterval 30',
  '',
].join('\n'));

const yaml = `hosts:
  app-1: { address: 127.0.0.1 }
services:
  - name: api
    checks:
      - command: uptime
        host: bastion
      - command: uptime
        host: web-3
    logs:
      - command: journalctl -f
        host: mystery-box
    actions:
      restart:
        run: systemctl restart api
        host: deploy@web-secret
      local:
        run: echo hi
  - name: gw
    instances: [app-1, ghost]
    actions:
      restart:
        run: systemctl restart gw
        host: "{host}"
`;

test('hosts known to hosts: or the ssh config are fine; others warn with their position', () => {
  const config = loadConfigText(yaml, join(dir, 'warroom.yaml'), {});
  const warnings = lintConfig(config, { sshConfigPath: sshConfig });
  assert.deepEqual(
    warnings.map((w) => `${w.line}:${w.col} ${w.message.split(';')[0]}`),
    [
      '11:9 log source api: host "mystery-box" is not in hosts: and not in ' + sshConfig,
      '14:7 action restart of api: host "deploy@web-secret" is not in hosts: and not in ' + sshConfig,
      '22:7 action restart of gw: host "ghost" is not in hosts: and not in ' + sshConfig,
    ],
  );
});

test('a missing ssh config means only hosts: names are known', () => {
  const config = loadConfigText(yaml, join(dir, 'warroom.yaml'), {});
  const warnings = lintConfig(config, { sshConfigPath: join(dir, 'absent') });
  assert.deepEqual(warnings.map((w) => w.message.match(/host "([^"]+)"/)?.[1]), ['bastion', 'web-3', 'mystery-box', 'deploy@web-secret', 'ghost']);
});

test('missing runbook and identity file are warned about', () => {
  const text = 'incident:\n  runbook: runbooks/nope.md\nhosts:\n  a: { identityFile: keys/none }\n';
  const warnings = lintConfig(loadConfigText(text, join(dir, 'warroom.yaml'), {}), { sshConfigPath: sshConfig });
  assert.deepEqual(warnings.map((w) => w.message), [
    `incident.runbook: ${join(dir, 'runbooks', 'nope.md')} does not exist`,
    `hosts.a.identityFile: ${join(dir, 'keys', 'none')} does not exist`,
  ]);
  writeFileSync(join(dir, 'present.md'), '# Runbook\n');
  const clean = lintConfig(loadConfigText('incident:\n  runbook: present.md\n', join(dir, 'warroom.yaml'), {}), { sshConfigPath: sshConfig });
  assert.deepEqual(clean, []);
});

test('checks that together probe too often are warned about; a sane rate is not', () => {
  const checks = (n: number, interval: string) =>
    `services:\n  - name: fleet\n    checks:\n${Array.from({ length: n }, (_, i) => `      - tcp: 127.0.0.1:${1000 + i}\n        interval: ${interval}\n`).join('')}`;
  const busy = lintConfig(loadConfigText(checks(300, '1s'), join(dir, 'warroom.yaml'), {}), { sshConfigPath: sshConfig });
  assert.deepEqual(busy.map((w) => w.message), ['the checks probe 300 times a second in all; above 200 the targets and this machine feel it (lengthen some intervals)']);
  assert.deepEqual(lintConfig(loadConfigText(checks(300, '5s'), join(dir, 'warroom.yaml'), {}), { sshConfigPath: sshConfig }), []);
});
