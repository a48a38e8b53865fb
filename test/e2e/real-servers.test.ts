// The console in a real terminal (tmux) against real servers on loopback: an OpenSSH sshd that
// carries a remote log (tail -F over SSH) and a remote restart pressed with R, and a Prometheus
// that scrapes a prom-client gauge for a query panel. Skipped, with the reason, where sshd,
// Prometheus or tmux cannot be run here.
import assert from 'node:assert/strict';
import { appendFileSync, chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { Gauge, Registry } from 'prom-client';
import { startSelfMetricsServer } from '../../src/selfmetrics/server.js';
import { OpenSshServer, sshdUnavailable } from '../exec/openssh-server.js';
import { freePort } from '../helpers/free-port.js';
import { generateKeyPair } from '../exec/ssh-test-server.js';
import { TmuxSession, tmuxMissing, warroomExitCode as exitCode, warroomShellLine as shellLine } from '../helpers/tmux.js';
import { findPrometheus, startPrometheus } from '../metrics/fixtures/real-prometheus.js';

const prometheusBinary = findPrometheus();
const skip = tmuxMissing() ?? sshdUnavailable() ?? (prometheusBinary ? undefined : 'prometheus is not installed (apt-get install prometheus)');

/** Starts sshd on a free loopback port, trying another port if one taken meanwhile makes it fail. */
async function startSshd(dir: string, hostKey: ReturnType<typeof generateKeyPair>, userKey: string): Promise<OpenSshServer> {
  for (let attempt = 1; ; attempt++) {
    const candidate = new OpenSshServer(dir, await freePort(), hostKey, [userKey]);
    try {
      await candidate.start();
      return candidate;
    } catch (error) {
      candidate.stop();
      if (attempt === 3) throw error;
    }
  }
}

interface JournalEvent {
  kind: string;
  data: Record<string, unknown>;
}

/** The events of the one incident opened in `dir`. */
function journal(dir: string): JournalEvent[] {
  const incidents = join(dir, '.warroom', 'incidents');
  const [incident] = readdirSync(incidents);
  assert.ok(incident, 'an incident folder was created');
  return readFileSync(join(incidents, incident, 'journal.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as JournalEvent);
}

test('the console against a real sshd (remote log, remote restart with R) and a real Prometheus (query panel)', { skip: skip ?? false, timeout: 180_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'warroom-e2e-real-'));
  // A throwaway ~/.ssh for the console (HOME points here): its key, and known_hosts trusting the
  // sshd's throwaway host key, so the host key is checked as in production, not accepted blindly.
  const home = join(dir, 'home');
  mkdirSync(join(home, '.ssh'), { recursive: true });
  const sshdDir = join(dir, 'sshd');
  mkdirSync(sshdDir);
  const hostKey = generateKeyPair();
  const userKey = generateKeyPair();
  const keyPath = join(home, '.ssh', 'id_ed25519');
  writeFileSync(keyPath, userKey.private, { mode: 0o600 });
  // The remote side: a log file the test appends to, and the folder the restart writes its marker in.
  const remote = join(dir, 'remote');
  mkdirSync(remote);
  chmodSync(dir, 0o755);
  chmodSync(remote, 0o777);
  const logFile = join(remote, 'app.log');
  writeFileSync(logFile, 'booted from the e2e test\n');
  chmodSync(logFile, 0o644);
  const marker = join(remote, 'restarted');

  const registry = new Registry();
  const gauge = new Gauge({ name: 'e2e_orders_in_flight', help: 'orders in flight', registers: [registry] });
  gauge.set(73);

  let sshd: OpenSshServer | undefined;
  let target: Awaited<ReturnType<typeof startSelfMetricsServer>> | undefined;
  let prometheus: Awaited<ReturnType<typeof startPrometheus>> | undefined;
  let tmux: TmuxSession | undefined;
  try {
    sshd = await startSshd(sshdDir, hostKey, userKey.public);
    writeFileSync(join(home, '.ssh', 'known_hosts'), `[127.0.0.1]:${sshd.port} ${hostKey.public}\n`);
    target = await startSelfMetricsServer(0, registry);
    prometheus = await startPrometheus(prometheusBinary!, [`127.0.0.1:${target.port}`]);

    const configPath = join(dir, 'warroom.yaml');
    writeFileSync(
      configPath,
      [
        'incident:',
        '  title: Orders stuck on the lab host',
        'hosts:',
        '  lab:',
        '    address: 127.0.0.1',
        `    port: ${sshd.port}`,
        `    user: ${userInfo().username}`,
        `    identityFile: ${keyPath}`,
        'services:',
        '  - name: orders',
        '    checks:',
        `      - command: test -f ${logFile}`,
        '        host: lab',
        '        interval: 1s',
        '    logs:',
        `      - file: ${logFile}`,
        '        host: lab',
        '    actions:',
        '      restart:',
        `        run: echo restarted-by-warroom > ${marker}`,
        '        host: lab',
        '        timeout: 20s',
        'metrics:',
        `  prometheus: ${prometheus.url}`,
        '  range: 1m',
        '  step: 1s',
        '  panels:',
        '    - title: orders in flight',
        '      query: e2e_orders_in_flight',
        '',
      ].join('\n'),
    );

    tmux = TmuxSession.start(shellLine(`open --config ${configPath} --as e2e-op`), { columns: 200, rows: 50, cwd: dir, env: { HOME: home } });
    const session = tmux;
    // The four panes, the check run over SSH, the log's first line read through sshd.
    // No runbook is configured: its pane is folded to a title line (the logs take the rows).
    await session.waitForScreen((s) => s.includes('1 Status') && s.includes('2 Logs') && s.includes('3 Metrics') && /4 Runbook · no runbook configured/.test(s) && s.includes('e2e-op'), 'all four panes');
    await session.waitForScreen((s) => /orders +.*✔ UP/.test(s), 'the SSH command check UP');
    await session.waitForScreen((s) => s.includes('booted from the e2e test'), "the remote log's first line");
    // A line appended now arrives only if tail -F is following the file through the SSH channel.
    appendFileSync(logFile, 'appended-after-open 4242\n');
    await session.waitForScreen((s) => s.includes('appended-after-open 4242'), 'the appended line in the log pane');

    // The query panel reads the gauge back through Prometheus (the first scrape lands some seconds in).
    await session.waitForScreen((s) => /orders in flight .* 73 min 73 max 73 /.test(s), 'the panel showing 73');

    // R on the status board, confirmed with y: the command runs on the lab host through sshd.
    session.send('1');
    await session.waitForScreen((s) => s.includes('▶1 Status') && /› orders/.test(s), 'the status board focused on orders');
    assert.equal(existsSync(marker), false, 'no marker before the restart');
    session.send('R');
    await session.waitForScreen((s) => s.includes('restart orders?') && s.includes('Proceed? y / N'), 'the restart confirmation');
    session.send('y');
    await session.waitForScreen((s) => s.includes('✔ succeeded restart orders'), 'the restart to succeed');
    assert.equal(readFileSync(marker, 'utf8'), 'restarted-by-warroom\n');
    session.send('Escape');
    await session.waitForScreen((s) => !s.includes('✔ succeeded restart orders'), 'the action view closed');

    session.send('q');
    assert.equal(await exitCode(session), 0);

    // The timeline has the restart's start and finish, on the lab host.
    const events = journal(dir);
    const where = `${userInfo().username}@127.0.0.1:${sshd.port}`;
    const started = events.find((e) => e.kind === 'action.started');
    const finished = events.find((e) => e.kind === 'action.finished');
    assert.ok(started && finished, `action.started and action.finished in ${events.map((e) => e.kind).join(', ')}`);
    assert.deepEqual(
      { service: started.data.service, action: started.data.action, target: started.data.target },
      { service: 'orders', action: 'restart', target: where },
    );
    assert.deepEqual({ target: finished.data.target, exitCode: finished.data.exitCode }, { target: where, exitCode: 0 });
  } finally {
    tmux?.kill();
    sshd?.stop();
    await prometheus?.stop();
    await target?.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
