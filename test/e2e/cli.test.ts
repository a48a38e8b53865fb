// The compiled CLI as a script or cron job sees it: exit codes, messages, no stack traces.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../bin/warroom.js', import.meta.url));

function warroom(args: string[], cwd = process.cwd()) {
  const run = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', input: '', timeout: 60_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

test('--version prints the package version', () => {
  const { code, stdout } = warroom(['--version']);
  assert.equal(code, 0);
  assert.match(stdout.trim(), /^\d+\.\d+\.\d+$/);
});

test('--help lists the commands', () => {
  const { code, stdout } = warroom(['--help']);
  assert.equal(code, 0);
  for (const command of ['open', 'demo', 'check']) assert.match(stdout, new RegExp(`\\b${command}\\b`));
});

test('an unknown command is a usage error (exit 2)', () => {
  const { code, stderr } = warroom(['frobnicate']);
  assert.equal(code, 2);
  assert.match(stderr, /unknown command/);
});

test('the console refuses a non-terminal with a clear message and exit 2', () => {
  const dir = mkdtempSync(join(tmpdir(), 'warroom-cli-'));
  writeFileSync(join(dir, 'warroom.yaml'), 'incident: { title: t }\n');
  const { code, stderr } = warroom(['open'], dir);
  assert.equal(code, 2);
  assert.match(stderr, /needs a terminal/);
  assert.doesNotMatch(stderr, /\n\s+at /, 'no stack trace');
});

test('a broken config is one located line and exit 2, from any command', () => {
  const dir = mkdtempSync(join(tmpdir(), 'warroom-cli-'));
  writeFileSync(join(dir, 'warroom.yaml'), 'services:\n  - name: api\n    checks:\n      - http: http://127.0.0.1:1/health\n        interval: 5 seconds\n');
  for (const command of ['check']) {
    const { code, stderr } = warroom([command], dir);
    assert.equal(code, 2, command);
    assert.match(stderr, /^warroom\.yaml:5:\d+: services\[0\]\.checks\[0\]\.interval: /m);
    assert.doesNotMatch(stderr, /\n\s+at /, 'no stack trace');
  }
});

test('a missing config file is exit 2 naming it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'warroom-cli-'));
  const { code, stderr } = warroom(['check', '--config', 'nope.yaml'], dir);
  assert.equal(code, 2);
  assert.match(stderr, /nope\.yaml/);
});

test('check accepts the contract example config', () => {
  const example = fileURLToPath(new URL('../fixtures/config/example.yaml', import.meta.url));
  const { code, stdout } = warroom(['check', '--config', example]);
  assert.equal(code, 0);
  assert.match(stdout, /ok — 5 services/);
});

test('demo --print-config prints an ordinary warroom.yaml that check accepts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'warroom-cli-'));
  const { code, stdout } = warroom(['demo', '--print-config'], dir);
  assert.equal(code, 0);
  assert.match(stdout, /^services:/m);
  writeFileSync(join(dir, 'warroom.yaml'), stdout);
  const checked = warroom(['check'], dir);
  assert.equal(checked.code, 0, checked.stderr);
});
