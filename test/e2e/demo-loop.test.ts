// The whole incident loop in a real terminal (tmux), the way a newcomer runs it: `warroom demo`,
// the scripted failure on the status board and in the metrics, the runbook's suggestion, a
// diagnostic step, a restart with R, the check back UP, a todo note, :resolve, quit, and then
// `warroom export` in the same folder, whose timeline must hold each of those events in order
// with the operator's name. Also: q while an action runs asks first, and n keeps the console.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { TmuxSession, tmuxMissing, WARROOM_BIN, warroomExitCode as exitCode, warroomShellLine as shellLine } from '../helpers/tmux.js';

const bin = WARROOM_BIN;
const missing = tmuxMissing();
const OPERATOR = 'e2e-lead';

const folders: string[] = [];
after(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A fresh folder to run warroom in, removed when the file's tests are done. */
function workFolder(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  folders.push(dir);
  return dir;
}

/** The rows of the post-mortem's Timeline table as [who, event]. */
function timelineRows(markdown: string): [string, string][] {
  const section = /^## Timeline\n([\s\S]*?)^## /m.exec(markdown)?.[1] ?? '';
  return section
    .split('\n')
    .filter((line) => /^\| \d{4}-\d\d-\d\d /.test(line))
    .map((line) => {
      const cells = line.slice(2, -2).split(' | ');
      return [cells[1]!, cells.slice(2).join(' | ')];
    });
}

/** Index of the first row after `from` whose event matches `pattern`; fails naming what is missing. */
function findRow(rows: [string, string][], pattern: RegExp, from: number, what: string): number {
  const index = rows.findIndex(([, event], i) => i > from && pattern.test(event));
  assert.ok(index >= 0, `timeline lacks "${what}" after row ${from}:\n${rows.map(([who, event], i) => `${i} ${who} ${event}`).join('\n')}`);
  return index;
}

// A loopback host says nothing and is the first thing a narrow target column drops.
const checkoutRow = /checkout-api +(?:127\.0\.0\.1)?:\d+\/health +(\S+ \w+)/;
/** The metrics pane with its values, and a panel past its critical threshold. */
const metricsAlive = (s: string): boolean => /checkout 5xx\/s +\S+ +\d/.test(s);
const critPanel = (s: string): boolean => /!!(checkout|orders)/.test(s);

// 200x50 shows the four panes as a grid; 80x24 stacks them, the focused one largest, the metrics
// folded to their title line until focused.
for (const [columns, rows] of [[200, 50], [80, 24]] as const) {
  const grid = columns >= 120;
  test(`the demo loop at ${columns}x${rows}: failure seen, runbook suggested and run, R restarts, note, resolve, export in order`, { skip: missing ?? false, timeout: 180_000 }, async () => {
    const cwd = workFolder('warroom-e2e-loop-');
    // --speed 4: checkout-api degrades 5 s after start and goes down 10 s later (20 s and 40 s at speed 1),
    // long enough for several scrapes to see the 5xx rate climb past critical first.
    const tmux = TmuxSession.start(shellLine(`demo --as ${OPERATOR} --speed 4`), { columns, rows, cwd });
    try {
      // All four panes alive: checks with states, log lines, metric panels with values, the runbook.
      await tmux.waitForScreen(
        (s) =>
          // Where each pane sits follows content (two columns need not pair them up): all four titles.
          ['1 Status', '2 Logs', '3 Metrics', '4 Runbook'].every((t) => s.includes(t)) &&
          s.includes(OPERATOR) && /\d+ UP · \d+ DEGRADED · \d+ DOWN/.test(s) && /checkout-api +(?:127\.0\.0\.1)?:\d+\/health +[✔▲✖] [A-Z]+/.test(s) &&
          /checkout-api E\d+ W\d+/.test(s) && /│ (?:\d\d:\d\d:\d\d )?(checkout-api|payments|catalog) +[DIWEF] \S/.test(s) &&
          (!grid || metricsAlive(s)) && /§ \d+\/\d+ /.test(s),
        'all four panes alive',
      );

      // The scripted failure: DOWN on the status board and a critical marker in the metrics pane.
      await tmux.waitForScreen((s) => checkoutRow.exec(s)?.[1] === '✖ DOWN' && (!grid || critPanel(s)), 'checkout-api DOWN and a crit panel');
      // The runbook suggests the section written for it.
      await tmux.waitForScreen((s) => s.includes('★ suggested (g): Service down (checkout-api is down'), 'the runbook suggestion');

      // Focus the runbook (Tab through the panes), go to the suggestion (its Diagnose steps), run the first step and confirm.
      for (const pane of ['2 Logs', '3 Metrics', '4 Runbook']) {
        tmux.send('Tab');
        await tmux.waitForScreen((s) => s.includes(`▶${pane}`), `${pane} focused`);
        // Stacked, the metrics open when focused: their values and the critical panel.
        if (!grid && pane === '3 Metrics') await tmux.waitForScreen((s) => metricsAlive(s) && critPanel(s), 'the metrics opened, a crit panel');
      }
      tmux.send('g');
      await tmux.waitForScreen((s) => /§ \d+\/\d+ Service down › Diagnose/.test(s) && s.includes('› [ ] Confirm it is really down'), 'the Diagnose steps');
      tmux.send('Enter');
      await tmux.waitForScreen((s) => s.includes('Run "Confirm it is really down, from this machine:"?') && s.includes('Proceed? y / N'), 'the step confirmation');
      tmux.send('y');
      await tmux.waitForScreen((s) => s.includes('✓ ran') && s.includes('$ curl -s --max-time 3'), 'the step run');
      if (!grid) {
        // A stacked pane has room for the command but not its output: zoom in to read it.
        tmux.send('z');
        await tmux.waitForScreen((s) => !s.includes('1 Status') && s.includes('▶4 Runbook'), 'the runbook zoomed');
      }
      await tmux.waitForScreen((s) => s.includes('HTTP 000') && s.includes('checkout-api is not listening'), "the step's output");
      if (!grid) {
        tmux.send('z');
        await tmux.waitForScreen((s) => s.includes('1 Status') && s.includes('▶4 Runbook'), 'the panes back');
      }

      // Restart the failed service from the status board with R, confirm, and watch the check come back.
      tmux.send('1');
      await tmux.waitForScreen((s) => s.includes('▶1 Status') && /›[ !]checkout-api/.test(s), 'status board focused on checkout-api (marked ! while its alert fires)');
      tmux.send('R');
      await tmux.waitForScreen((s) => s.includes('restart checkout-api?') && s.includes('Proceed? y / N'), 'the restart confirmation');
      tmux.send('y');
      await tmux.waitForScreen((s) => s.includes('✔ succeeded restart checkout-api'), 'the restart to succeed');
      tmux.send('Escape');
      await tmux.waitForScreen((s) => checkoutRow.exec(s)?.[1] === '✔ UP' && /\d+ UP · 0 DEGRADED · 0 DOWN/.test(s), 'checkout-api UP again');

      // A todo note, typed and entered without waiting for the screen, as a fast typist does (the
      // text and the Enter may reach warroom in one read or two: both must work).
      tmux.send('n');
      await tmux.waitForScreen((s) => s.includes('note>'), 'the note prompt');
      tmux.type('todo: alert before checkout-api runs out of heap');
      tmux.send('Enter');
      await tmux.waitForScreen((s) => s.includes('note added'), 'the note added');

      // :resolve, with a one-line resolution.
      tmux.send(':');
      await tmux.waitForScreen((s) => s.split('\n').some((line) => line.startsWith(':')), 'the command line');
      tmux.type('resolve');
      tmux.send('Enter');
      await tmux.waitForScreen((s) => /Resolve INC-\S+\?/.test(s) && s.includes('Resolution (one line):'), 'the resolve dialog');
      tmux.type('restarted checkout-api');
      tmux.send('Enter');
      await tmux.waitForScreen((s) => s.includes('✔ RESOLVED'), 'the incident resolved');

      tmux.send('q');
      assert.equal(await exitCode(tmux), 0);
    } finally {
      tmux.kill();
    }

    // The post-mortem, exported in the same folder with no config, tells the story in order.
    const exported = spawnSync(process.execPath, [bin, 'export'], { cwd, encoding: 'utf8', timeout: 60_000 });
    assert.equal(exported.status, 0, exported.stderr);
    const timeline = timelineRows(exported.stdout);
    assert.ok(timeline.length >= 10, exported.stdout);
    // People's actions are the operator's; what the console saw by itself is warroom's, naming the console.
    for (const [who, event] of timeline) {
      const automated = /^[\w-]+ [^:]+: (UP|DOWN|DEGRADED|UNKNOWN) → |→ (ok|warn|crit) at |^Escalation due|errors\/min|^Suggest severity|^Alert (firing|resolved)|^Silence \S+ extended until/.test(event);
      assert.equal(who, automated ? `warroom (seen by ${OPERATOR})` : OPERATOR, `who of "${event}"`);
    }
    let at = -1;
    for (const [pattern, what] of [
      [/^Incident opened: /, 'incident opened'],
      [new RegExp(`^${OPERATOR} joined \\(live\\)$`), 'operator joined'],
      [/^checkout-api \S+: \w+ → DOWN\b/, 'check down'],
      [/^Runbook Diagnose: ran "Confirm it is really down/, 'runbook step run'],
      [/^restart checkout-api on local started: /, 'restart started'],
    ] as const) {
      at = findRow(timeline, pattern, at, what);
    }
    // The check can be seen UP a moment before the restart command has exited: both follow the start.
    const started = at;
    const finished = findRow(timeline, /^restart checkout-api on local: exit 0 in /, started, 'restart finished');
    const up = findRow(timeline, /^checkout-api \S+: DOWN → UP\b/, started, 'check up');
    at = Math.max(finished, up);
    for (const [pattern, what] of [
      [/^todo: alert before checkout-api runs out of heap$/, 'todo note'],
      [/^Incident resolved: restarted checkout-api$/, 'resolved'],
      [new RegExp(`^${OPERATOR} left$`), 'operator left'],
    ] as const) {
      at = findRow(timeline, pattern, at, what);
    }
    assert.equal(at, timeline.length - 1, 'leaving is the last event');
    assert.match(exported.stdout, /## Action items\n\n- \[ \] alert before checkout-api runs out of heap/);
  });
}

test('q while an action runs asks first; n keeps the console and the action completes', { skip: missing ?? false, timeout: 120_000 }, async () => {
  const cwd = workFolder('warroom-e2e-quit-');
  const release = join(cwd, 'release');
  // The action runs until the test creates `release`, so it is certainly still running when q is pressed.
  writeFileSync(
    join(cwd, 'warroom.yaml'),
    [
      'incident:',
      '  title: slow restart drill',
      'services:',
      '  - name: api',
      '    checks:',
      '      - command: "true"',
      '        interval: 2s',
      '    actions:',
      '      restart:',
      `        run: 'while [ ! -e ${release} ]; do sleep 0.1; done; echo drained and restarted'`,
      '        timeout: 120s',
      '',
    ].join('\n'),
  );
  const tmux = TmuxSession.start(shellLine(`open --config ${join(cwd, 'warroom.yaml')} --as ${OPERATOR}`), { columns: 120, rows: 40, cwd });
  try {
    await tmux.waitForScreen((s) => s.includes('4 Runbook') && /api .*✔ UP/.test(s), 'the console with the check UP');
    tmux.send('R');
    await tmux.waitForScreen((s) => s.includes('restart api?') && s.includes('Proceed? y / N'), 'the restart confirmation');
    tmux.send('y');
    await tmux.waitForScreen((s) => s.includes('⟳ running restart api'), 'the action running');
    // q first closes the output view (it is modal), then asks before quitting.
    tmux.send('q');
    await tmux.waitForScreen((s) => s.includes('⟳ 1 running') && !s.includes('⟳ running restart api'), 'the output view closed');
    tmux.send('q');
    await tmux.waitForScreen((s) => s.includes('Quit while work is running?') && s.includes('restart api'), 'the quit question');
    tmux.send('n');
    await tmux.waitForScreen((s) => !s.includes('Quit while work is running?') && s.includes('4 Runbook') && s.includes('⟳ 1 running'), 'the console kept, the action still running');
    assert.ok(!tmux.screen().includes('warroom exited'), 'warroom still running');
    writeFileSync(release, '');
    await tmux.waitForScreen((s) => s.includes('restart api: exit 0') && !s.includes('⟳'), 'the action to complete');
    tmux.send('q');
    assert.equal(await exitCode(tmux), 0);
  } finally {
    tmux.kill();
  }
});
