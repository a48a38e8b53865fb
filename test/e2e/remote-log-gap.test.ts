// A remote log whose SSH host goes away for a while, as the bridge saw it in a real terminal
// (tmux; ssh2's own server on loopback, closed and started again on its port). Issue #17: the pane
// said LIVE with no marker while no data came, and the tail re-sent on reconnect was counted
// twice. Now: the source is "stale since", LIVE says a source is stale, a gap marker stands where
// the data resumed, and the error count stays what the file holds.
import assert from 'node:assert/strict';
import { appendFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { generateKeyPair, startTestSshServer, type TestSshServer } from '../exec/ssh-test-server.js';
import { TmuxSession, tmuxMissing, warroomShellLine } from '../helpers/tmux.js';

const missing = tmuxMissing();

test('an SSH host down and back: stale since, LIVE · 1 stale, one gap marker, errors counted once', { skip: missing ?? false, timeout: 180_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'warroom-e2e-gap-'));
  const home = join(dir, 'home');
  mkdirSync(join(home, '.ssh'), { recursive: true });
  const hostKey = generateKeyPair();
  const userKey = generateKeyPair();
  const keyPath = join(home, '.ssh', 'id_ed25519');
  writeFileSync(keyPath, userKey.private, { mode: 0o600 });
  let server: TestSshServer = await startTestSshServer({ hostKey, authorizedKey: userKey });
  const port = server.port;
  writeFileSync(join(home, '.ssh', 'known_hosts'), `[127.0.0.1]:${port} ${hostKey.public}\n`);
  const logFile = join(dir, 'app.log');
  writeFileSync(logFile, 'INFO first line\nERROR payment declined\nINFO third line\n');
  writeFileSync(join(dir, 'warroom.yaml'), [
    'incident:',
    '  title: Remote log gap',
    'hosts:',
    '  app-1:',
    '    address: 127.0.0.1',
    `    port: ${port}`,
    '    user: deploy',
    `    identityFile: ${keyPath}`,
    'services:',
    '  - name: api',
    '    checks:',
    '      - tcp: 127.0.0.1:1',
    '        interval: 5s',
    '    logs:',
    `      - file: ${logFile}`,
    '        host: app-1',
    '        lines: 10',
    '',
  ].join('\n'));
  const tmux = TmuxSession.start(warroomShellLine('open --as gap'), { columns: 120, rows: 40, cwd: dir, env: { HOME: home } });
  try {
    await tmux.waitForScreen((s) => s.includes('third line') && /E1 W0/.test(s), 'the remote lines, one error');

    await server.close();
    let screen = await tmux.waitForScreen((s) => /stale since \d\d:\d\d:\d\d/.test(s) && s.includes('LIVE · 1 stale'), 'the source stale, LIVE saying so');
    assert.doesNotMatch(screen, /no data/, 'no marker until the data resumes');

    appendFileSync(logFile, 'ERROR written while away\n');
    server = await startTestSshServer({ hostKey, authorizedKey: userKey, port });
    screen = await tmux.waitForScreen((s) => s.includes('written while away') && /no data \d\d:\d\d:\d\d–\d\d:\d\d:\d\d/.test(s), 'the data back, after a gap marker', 90_000);
    // Read the screen again two header ticks later: a re-sent tail would have arrived by then.
    const elapsed = (s: string) => /│ ([\dms]+) \/ 1h/.exec(s)?.[1] ?? '';
    for (let tick = 0; tick < 2; tick++) {
      const before = elapsed(tmux.screen());
      await tmux.waitForScreen((s) => elapsed(s) !== before, 'the header clock ticking');
    }
    screen = tmux.screen();
    // (— api: no data 17:03:10–17:03:12, reconnected —, cut at the pane's edge.)
    assert.equal(screen.split('no data').length - 1, 1, `one gap marker:\n${screen}`);
    for (const line of ['first line', 'payment declined', 'third line', 'written while away']) {
      assert.equal(screen.split(line).length - 1, 1, `"${line}" shown once:\n${screen}`);
    }
    assert.match(screen, /E2 W0/, `two errors, each counted once:\n${screen}`);
    assert.doesNotMatch(screen, /stale since|1 stale/, `live again:\n${screen}`);
    const rows = screen.split('\n');
    const marker = rows.findIndex((row) => row.includes('no data'));
    assert.ok(rows.slice(marker + 1).some((row) => row.includes('written while away')), `the marker comes before the new line:\n${screen}`);
  } finally {
    tmux.kill();
    await server.close();
  }
});
