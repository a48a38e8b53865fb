// `journal:` and `compose:` log sources: loaded from YAML as a console would, expanded per
// instance, refused with a message when the name could be anything but a name, and run for real
// through the logs capability's command source. journald and a Docker daemon cannot run here, so
// `journalctl` and `docker` are small scripts on PATH that print the arguments they were given:
// what the program receives is what the test checks, quoting included.
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { after, test } from 'node:test';
import { ConfigError, loadConfigText } from '../../../src/config/load.js';
import type { LogSourceConfig } from '../../../src/config/types.js';
import { CommandSource } from '../../../src/logs/command-source.js';
import { collectingReceiver } from '../../logs/collecting-receiver.js';
import { localExecutor } from '../../logs/local-executor.js';
import { waitFor } from '../../helpers/wait-for.js';

const bin = mkdtempSync(join(tmpdir(), 'warroom-log-kinds-'));
for (const program of ['journalctl', 'docker']) {
  const path = join(bin, program);
  writeFileSync(path, `#!/bin/sh\nfor a in "$@"; do printf 'ARG %s\\n' "$a"; done\necho "2026-12-03T08:12:26+0000 app-1 ${program}[1]: ERROR queue full"\nexec sleep 30\n`);
  chmodSync(path, 0o755);
}
const executor = localExecutor();
after(async () => {
  await executor.close();
  rmSync(bin, { recursive: true, force: true });
});

/** The log sources of a one-service config with `logs` written as YAML lines. */
function logsOf(logs: string, instances = ''): LogSourceConfig[] {
  const yaml = `hosts:\n  app-1: { address: 127.0.0.1 }\n  app-2: { address: 127.0.0.2 }\nservices:\n  - name: checkout\n${instances}    logs:\n${logs}`;
  return loadConfigText(yaml, join(bin, 'warroom.yaml'), {}).services[0]!.logs;
}

/** The problems a config with `logs` is refused with. */
function refusal(logs: string): string {
  try {
    logsOf(logs);
  } catch (error) {
    assert.ok(error instanceof ConfigError, String(error));
    return error.problems.map((p) => `${p.keyPath}: ${p.message}`).join('\n');
  }
  assert.fail('the config loaded');
}

test('journal: follows a unit with 100 lines of history by default, or lines: of them, per instance on its host', () => {
  const [plain] = logsOf('      - journal: checkout-api\n');
  assert.deepEqual(plain, {
    kind: 'command', tag: 'checkout', service: 'checkout', pos: plain!.pos,
    command: "journalctl --follow --no-pager --output=short-iso --lines=100 --unit='checkout-api'",
  });
  const each = logsOf('      - journal: "checkout@{host}.service"\n        host: "{host}"\n        lines: 20\n', '    instances: [app-1, app-2]\n');
  assert.deepEqual(each.map((s) => [s.tag, s.host, s.kind === 'command' ? s.command : '']), [
    ['checkout/app-1', 'app-1', "journalctl --follow --no-pager --output=short-iso --lines=20 --unit='checkout@app-1.service'"],
    ['checkout/app-2', 'app-2', "journalctl --follow --no-pager --output=short-iso --lines=20 --unit='checkout@app-2.service'"],
  ]);
});

test('compose: follows one Compose service', () => {
  const [source] = logsOf('      - compose: payments-worker\n        lines: 50\n');
  assert.equal(source!.kind === 'command' && source!.command, "docker compose logs --follow --no-color --tail=50 'payments-worker'");
});

test('a name that could be anything but a name is refused, at its key, saying what a name looks like', () => {
  for (const unit of ['x; rm -rf ~', '$(id)', '`id`', "it's", '-f', 'a b', 'x\\x2dy']) {
    const message = refusal(`      - journal: ${JSON.stringify(unit)}\n`);
    assert.match(message, /^services\[0\]\.logs\[0\]\.journal: expected a systemd unit name \(letters, digits, ":-_\.@"\), like checkout-api or nginx\.service, got /, `${unit}: ${message}`);
  }
  assert.equal(refusal('      - journal: ""\n'), 'services[0].logs[0].journal: must not be empty');
  assert.match(refusal('      - compose: "../etc"\n'), /logs\[0\]\.compose: expected a Compose service name/);
});

test('messages list every kind, and say which kinds take lines:', () => {
  assert.match(refusal('      - tag: x\n'), /a log source needs one of file:, command:, journal: or compose:/);
  assert.match(refusal('      - journal: a\n        compose: b\n'), /logs\[0\]\.compose: a log source has either journal: or compose:, not both/);
  assert.match(refusal('      - command: tail -f x\n        lines: 5\n'), /logs\[0\]\.lines: applies to file:, journal:, compose: sources only/);
});

test('the program receives the arguments as written, and its lines reach the pane', async () => {
  const path = process.env.PATH;
  process.env.PATH = `${bin}${delimiter}${path ?? ''}`;
  try {
    for (const [logs, expected] of [
      ['      - journal: "checkout@2.service"\n        lines: 7\n', ['--follow', '--no-pager', '--output=short-iso', '--lines=7', '--unit=checkout@2.service']],
      ['      - compose: payments-worker\n', ['compose', 'logs', '--follow', '--no-color', '--tail=100', 'payments-worker']],
    ] as const) {
      const [source] = logsOf(logs);
      assert.equal(source!.kind, 'command');
      const got = collectingReceiver();
      const running = new CommandSource(executor, { command: source!.kind === 'command' ? source!.command : '' }, got.receiver);
      running.start();
      try {
        await waitFor(() => got.lines.some((line) => line.includes('ERROR queue full')), { what: 'the followed line' });
        assert.deepEqual(got.lines.filter((l) => l.startsWith('ARG ')).map((l) => l.slice(4)), [...expected]);
      } finally {
        await running.stop();
      }
    }
  } finally {
    process.env.PATH = path;
  }
});
