import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { Command } from 'commander';
import { statusCommand } from '../../src/cli/status.js';
import type { WarroomConfig } from '../../src/config/types.js';
import { instanceChecks, portChecks, service, warroomConfig } from './fixture-config.js';
import { testExecutor } from './test-executor.js';
import { closedPort, commandConfig, startHttp, startTcp, type Loopback } from './loopback.js';

let web: Loopback;
let db: { port: number; close: () => Promise<void> };
let gone: number;

before(async () => {
  web = await startHttp((_req, res) => res.end('ok'));
  db = await startTcp();
  gone = await closedPort();
});
after(async () => {
  await web.close();
  await db.close();
});

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Runs the compiled CLI without blocking this process (the servers it probes live here). */
function cli(cwd: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(root, 'bin/warroom.js'), ...args], { cwd, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? null) : 0, stdout, stderr });
    });
  });
}

/** Runs `warroom status ARGS` in-process against `config`; returns exit code and output. */
async function status(config: WarroomConfig, args: string[] = []): Promise<{ code: number; out: string }> {
  let out = '';
  const program = new Command('warroom').exitOverride();
  statusCommand({ loadConfig: async () => config, createExecutor: () => testExecutor(), write: (t) => (out += t) })(program);
  const before = process.exitCode;
  try {
    await program.parseAsync(['status', ...args], { from: 'user' });
    return { code: Number(process.exitCode ?? 0), out };
  } finally {
    process.exitCode = before;
  }
}

const healthy = () =>
  warroomConfig([
    service('web', portChecks('web', [web.port])),
    service('db', instanceChecks('db', [{ name: 'db-1', port: db.port }]), ['db-1']),
    service('worker', [{ ...commandConfig('true'), id: 'worker#0', service: 'worker', label: 'is-active' }]),
  ]);

describe('warroom status', () => {
  it('exits 0 and prints a table when everything is UP', async () => {
    const { code, out } = await status(healthy());
    assert.equal(code, 0);
    const lines = out.trimEnd().split('\n');
    assert.match(lines[0] ?? '', /^SERVICE\s+INSTANCE\s+CHECK\s+TARGET\s+STATE\s+LATENCY\s+REASON$/);
    assert.equal(lines.length, 4);
    assert.match(out, /db\s+db-1\s+tcp \d+\s+127\.0\.0\.1:\d+\s+✔ UP/);
    assert.ok(!out.includes('\u001b'), 'no colour codes in the table');
  });

  it('exits 1 when any row is not UP, and --json lists every row', async () => {
    const config = healthy();
    config.services.push(service('edge', portChecks('edge', [gone])));
    const { code, out } = await status(config, ['--json']);
    assert.equal(code, 1);
    const rows = JSON.parse(out) as Record<string, unknown>[];
    assert.equal(rows.length, 4);
    for (const row of rows) assert.deepEqual(Object.keys(row).sort(), ['check', 'instance', 'latencyMs', 'reason', 'service', 'state', 'target']);
    assert.deepEqual(rows.at(-1), {
      service: 'edge',
      instance: null,
      check: `:${gone}`,
      target: `127.0.0.1:${gone}/health`,
      state: 'DOWN',
      latencyMs: null,
      reason: 'connection refused',
    });
    assert.equal(rows[1]?.instance, 'db-1');
  });

  it('reads warroom.yaml through the compiled CLI: exit 0 when all UP, 1 otherwise, --json', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'warroom-status-'));
    try {
      const yaml = (extra: string) =>
        `incident:\n  title: t\nservices:\n  - name: web\n    checks:\n      - http: http://127.0.0.1:{port}/health\n        ports: "${web.port}"\n${extra}`;
      writeFileSync(join(dir, 'warroom.yaml'), yaml(''));
      const up = await cli(dir, ['status']);
      assert.equal(up.code, 0, up.stderr);
      assert.match(up.stdout, /web\s+-\s+\S+\s+127\.0\.0\.1:\d+\/health\s+✔ UP/);
      writeFileSync(join(dir, 'warroom.yaml'), yaml(`      - tcp: 127.0.0.1:${gone}\n        label: db\n`));
      const down = await cli(dir, ['status', '--json']);
      assert.equal(down.code, 1, down.stderr);
      const rows = JSON.parse(down.stdout) as { check: string; state: string; reason: string }[];
      assert.deepEqual(rows.map((r) => [r.check, r.state, r.reason]).at(-1), ['db', 'DOWN', 'connection refused']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 2 on a config error, with a plain message (compiled CLI)', () => {
    // The end-to-end path: bin/warroom.js runs the compiled CLI (npm test builds it first).
    const result = spawnSync(process.execPath, [join(root, 'bin/warroom.js'), 'status', '--config', 'does-not-exist.yaml'], {
      cwd: tmpdir(),
      encoding: 'utf8',
      timeout: 60_000,
    });
    assert.equal(result.status, 2, result.stderr);
    assert.match(result.stderr, /does-not-exist\.yaml: no such config file/);
    assert.ok(!/unknown command/.test(result.stderr), result.stderr);
    assert.ok(!result.stderr.includes('    at '), `no stack trace: ${result.stderr}`);
  });
});
