// `warroom demo` in a real terminal (tmux): it opens, shows every pane, quits cleanly, leaves the
// terminal as it found it, and records who joined and left.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { TmuxSession, tmuxMissing, warroomExitCode as exitCode, warroomShellLine as shellLine } from '../helpers/tmux.js';
import { waitFor } from '../helpers/wait-for.js';

const missing = tmuxMissing();

function journalKinds(cwd: string): string[] {
  const dir = join(cwd, '.warroom', 'incidents');
  const [incident] = readdirSync(dir);
  assert.ok(incident, 'an incident folder was created');
  return readFileSync(join(dir, incident, 'journal.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => (JSON.parse(line) as { kind: string }).kind);
}

for (const [columns, rows, env] of [
  [80, 24, {}],
  [200, 50, {}],
  [120, 40, { NO_COLOR: '1' }],
] as const) {
  const label = `${columns}x${rows}${'NO_COLOR' in env ? ' NO_COLOR' : ''}`;
  test(`demo opens at ${label}, quits with q, and restores the terminal`, { skip: missing ?? false }, async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'warroom-e2e-'));
    const tmux = TmuxSession.start(shellLine('demo --as e2e-op'), { columns, rows, cwd, env: { ...env } });
    try {
      const screen = await tmux.waitForScreen((s) => s.includes('4 Runbook') && s.includes('INC-'), 'the console');
      assert.match(screen, /e2e-op/);
      assert.match(screen, /LIVE/);
      const lines = screen.replace(/\n+$/, '').split('\n');
      assert.ok(lines.length <= rows, 'fits the terminal');
      if ('NO_COLOR' in env) {
        const colours = tmux.screen(true).match(/\x1b\[[0-9;]*3[0-7]m|\x1b\[[0-9;]*38;/g) ?? [];
        assert.equal(colours.length, 0, 'NO_COLOR: no colour escapes on screen');
      }
      tmux.send('q');
      assert.equal(await exitCode(tmux), 0);
      const after = tmux.tmux(['display-message', '-p', '-t', 'main', '#{alternate_on} #{cursor_flag}']).trim();
      assert.equal(after, '0 1', 'alternate screen left and cursor visible');
      assert.deepEqual(journalKinds(cwd).slice(0, 2), ['incident.opened', 'operator.joined']);
      assert.equal(journalKinds(cwd).at(-1), 'operator.left');
    } finally {
      tmux.kill();
    }
  });
}

test('Ctrl-C quits the demo cleanly', { skip: missing ?? false }, async () => {
  const cwd = mkdtempSync(join(tmpdir(), 'warroom-e2e-'));
  const tmux = TmuxSession.start(shellLine('demo'), { columns: 100, rows: 30, cwd });
  try {
    await tmux.waitForScreen((s) => s.includes('4 Runbook'), 'the console');
    tmux.send('C-c');
    assert.equal(await exitCode(tmux), 0);
    assert.equal(journalKinds(cwd).at(-1), 'operator.left');
  } finally {
    tmux.kill();
  }
});

// Ctrl-C before the keyboard is in raw mode reaches warroom as SIGINT (the first frame is drawn
// before the key reader starts; the views load before that). Whenever it comes, warroom quits
// through the same orderly stop as the key: exit 0, the terminal restored, the leaving recorded.
for (const when of ['while the console loads', 'once the console is up'] as const) {
  test(`SIGINT ${when} quits cleanly and records the leaving`, { skip: missing ?? false }, async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'warroom-e2e-'));
    const tmux = TmuxSession.start(shellLine('demo'), { columns: 100, rows: 30, cwd });
    try {
      if (when === 'once the console is up') await tmux.waitForScreen((s) => s.includes('4 Runbook'), 'the console');
      else await waitFor(() => journalKindsSoFar(cwd).includes('operator.joined'), { what: 'the operator to join' });
      const pid = tmux.programPid();
      assert.notEqual(pid, tmux.pid(), 'warroom runs under the shell');
      process.kill(pid, 'SIGINT');
      assert.equal(await exitCode(tmux), 0);
      const after = tmux.tmux(['display-message', '-p', '-t', 'main', '#{alternate_on} #{cursor_flag}']).trim();
      assert.equal(after, '0 1', 'alternate screen left and cursor visible');
      const kinds = journalKinds(cwd);
      assert.equal(kinds.at(-1), 'operator.left');
      assert.equal(kinds.filter((k) => k === 'operator.left').length, 1);
    } finally {
      tmux.kill();
    }
  });
}

/** The journal's event kinds, or none while the incident folder is not there yet. */
function journalKindsSoFar(cwd: string): string[] {
  try {
    return journalKinds(cwd);
  } catch {
    return [];
  }
}

test('--metrics-port serves warroom\'s own metrics while the console runs', { skip: missing ?? false }, async () => {
  const port = await new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address() as AddressInfo;
      probe.close(() => resolve(free));
    });
  });
  const cwd = mkdtempSync(join(tmpdir(), 'warroom-e2e-'));
  const tmux = TmuxSession.start(shellLine(`demo --metrics-port ${port}`), { columns: 120, rows: 40, cwd });
  try {
    await tmux.waitForScreen((s) => s.includes('4 Runbook') && /\d+ UP/.test(s), 'the console with checks');
    // Each area feeds its own counters: check states, probes run, log lines read, frames drawn.
    const fed = [
      /warroom_checks\{state="UP"\} [1-9]/,
      /warroom_probe_duration_seconds_count\{kind="http"\} [1-9]/,
      /warroom_probe_duration_seconds_count\{kind="tcp"\} [1-9]/,
      /warroom_log_lines_ingested_total\{source="checkout-api"\} [1-9]/,
      /warroom_render_frames_total [1-9]/,
      /warroom_render_duration_seconds_count [1-9]/,
    ];
    const body = await waitFor(async () => {
      const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      return fed.every((re) => re.test(text)) ? text : '';
    }, { timeoutMs: 20_000, what: 'checks, probes, log lines and frames on /metrics' });
    assert.match(body, /warroom_timeline_events_total\{kind="operator.joined"\} 1/);
    assert.match(body, /warroom_log_lines_dropped_total\{source="checkout-api"\} 0/);
    assert.match(body, /process_cpu_seconds_total|warroom_process_cpu/);
    tmux.send('q');
    assert.equal(await exitCode(tmux), 0);
  } finally {
    tmux.kill();
  }
});
