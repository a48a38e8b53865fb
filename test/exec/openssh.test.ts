// The execution layer against a real OpenSSH sshd: exec, a streaming `tail -F`, and a hard sshd
// crash and restart mid-stream. Skipped, with the reason, where sshd cannot be run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { userInfo } from 'node:os';
import { realLab } from './openssh-lab.js';
import { sshdUnavailable } from './openssh-server.js';
import { pidsWithMarker } from './process-probe.js';
import { waitFor } from '../helpers/wait-for.js';

/** Appends numbered lines until `seen` reports one of them arrived. */
async function appendUntilSeen(file: string, prefix: string, seen: (line: string) => boolean): Promise<void> {
  let n = 0;
  await waitFor(
    () => {
      appendFileSync(file, `${prefix}-${n++}\n`);
      return seen(prefix);
    },
    { timeoutMs: 40_000, what: `a "${prefix}" line through sshd` },
  );
}

test('real sshd: exec, exit codes, and a tail -F that survives an sshd crash and restart', async (t) => {
  const why = sshdUnavailable();
  if (why) return t.skip(why);
  const user = userInfo().username;
  const lab = await realLab(t, user);

  const who = await lab.executor.run('echo hello from $(id -un); exit 5', { host: 'lab' });
  assert.equal(who.error, undefined, lab.sshd.log);
  assert.equal(who.stdout, `hello from ${user}\n`);
  assert.equal(who.exitCode, 5);

  const lines: string[] = [];
  let exited = false;
  const handle = lab.executor.stream(`tail -n 0 -F ${lab.logFile}`, {
    host: 'lab',
    onLine: (line) => lines.push(line),
    onExit: () => (exited = true),
  });
  const has = (prefix: string) => lines.some((line) => line.startsWith(`${prefix}-`));
  await appendUntilSeen(lab.logFile, 'before', has);

  lab.sshd.kill();
  await waitFor(() => lab.states.some((s) => s.reason === 'connection lost'), { timeoutMs: 30_000, what: 'the drop to be noticed' });
  await waitFor(() => lab.states.some((s) => s.reason === 'connection refused'), { timeoutMs: 30_000, what: 'a refused reconnect' });
  await lab.sshd.start();
  await appendUntilSeen(lab.logFile, 'after', has);

  assert.equal(exited, false, 'the stream did not end');
  assert.equal(lab.notices.length, 1, lab.notices.join('\n'));
  assert.match(lab.notices[0]!, /^lab: connection lost \d\d:\d\d:\d\d–\d\d:\d\d:\d\d$/);
  assert.equal(lab.states.at(-1)?.state, 'connected');

  await handle.stop();
  // sshd ignores signal requests for root sessions: the remote tail ends on its next write into
  // the closed channel (SIGPIPE). Write until it is gone (the crashed session's tail too).
  await waitFor(
    () => {
      appendFileSync(lab.logFile, 'nudge\n');
      return pidsWithMarker(lab.logFile).length === 0;
    },
    { timeoutMs: 30_000, what: 'remote tail processes to end' },
  );
});

test('real sshd as a non-root user: exec, and stop() ends the remote tail by signal', async (t) => {
  const why = sshdUnavailable();
  if (why) return t.skip(why);
  if (!existsSync('/usr/sbin/useradd')) return t.skip('useradd not available to create a non-root user');
  const name = `wr${randomBytes(3).toString('hex')}`;
  const added = spawnSync('/usr/sbin/useradd', ['-M', '-p', '*', '-s', '/bin/sh', name], { encoding: 'utf8' });
  if (added.status !== 0) return t.skip(`useradd failed: ${added.stderr.trim()}`);
  t.after(() => spawnSync('/usr/sbin/userdel', [name]));
  const lab = await realLab(t, name);

  const who = await lab.executor.run('id -un', { host: 'lab' });
  assert.equal(who.error, undefined, lab.sshd.log);
  assert.equal(who.stdout, `${name}\n`);

  const lines: string[] = [];
  const handle = lab.executor.stream(`tail -n 0 -F ${lab.logFile}`, { host: 'lab', onLine: (line) => lines.push(line) });
  await appendUntilSeen(lab.logFile, 'line', (prefix) => lines.some((line) => line.startsWith(`${prefix}-`)));
  await handle.stop();
  // A non-root session honours the TERM signal request: no write needed for the tail to go.
  await waitFor(() => pidsWithMarker(lab.logFile).length === 0, { timeoutMs: 30_000, what: 'the remote tail to end' });
});
