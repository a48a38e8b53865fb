// Output of every run is read, scrolled, searched and cancelled the same way, in a real terminal
// (tmux), reproduced as it was found: an action's `seq 1 200` showed only its last 12 lines with
// no way back to line 1; `O` said "no action has run yet" after a runbook step; `:cancel` said "no
// action is running" while the header showed "⟳ 1 running". Keys go several per write.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { KEY_BYTES as K, styledRows, TmuxSession, tmuxMissing, warroomShellLine } from '../helpers/tmux.js';

const missing = tmuxMissing();
const folders: string[] = [];
after(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A folder with a config: service `api` with actions `count` (`seq 1 200`) and `hang` (`sleep 30`), and a runbook whose first step runs `first`. */
function incidentFolder(first: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'warroom-e2e-output-'));
  folders.push(dir);
  mkdirSync(join(dir, 'runbooks'));
  writeFileSync(
    join(dir, 'runbooks', 'drill.md'),
    ['# Drill', '', '## Look', '', '1. Run it', '   ```bash', `   ${first}`, '   ```', ''].join('\n'),
  );
  writeFileSync(
    join(dir, 'warroom.yaml'),
    [
      'incident:', '  title: Output drill', '  runbook: runbooks/drill.md',
      'services:', '  - name: api', '    checks:', '      - command: "true"', '        interval: 5s',
      '    actions:', '      count:', "        run: 'seq 1 200'", '        confirm: none', '      hang:', "        run: 'sleep 30'", '        confirm: none',
      '      evil:', `        run: 'printf "a\\033[2Jb\\033]0;pwned\\007c\\033]52;c;ZXZpbA==\\007d\\r\\n 10%%\\r100%%\\n\\303\\050x\\n"'`, '        confirm: none', '',
    ].join('\n'),
  );
  return dir;
}

/** The rows the output view's rule says it shows, of 200. */
function shownRows(screen: string): [number, number] | null {
  const m = / rows (\d+)-(\d+) of 200 /.exec(screen);
  return m ? [Number(m[1]), Number(m[2])] : null;
}

/** True when output line `text` is on screen, alone in its row of the overlay (inside its border). */
function lineShown(screen: string, text: string): boolean {
  return new RegExp(`^│ ${text}\\s*│$`, 'm').test(screen);
}

/** The SGR codes on the first cell of `query` in the overlay row showing output line `line`. */
function matchStyle(styled: string, line: string, query: string): string[] | null {
  for (const row of styledRows(styled)) {
    const plain = row.map((cell) => cell.char).join('');
    if (!new RegExp(`^│ ${line}\\s*│$`).test(plain)) continue;
    return row[plain.indexOf(query, 2)]?.sgr ?? null;
  }
  return null;
}

/**
 * A console at 80x24 on a runbook whose step runs `command`, the step confirmed and started.
 * `then`: keys typed in the same write as the `y` that approves it (as a quick hand types them).
 */
async function runStep(command: string, then = ''): Promise<TmuxSession> {
  const dir = incidentFolder(command);
  const tmux = TmuxSession.start(warroomShellLine('open --as output'), { columns: 80, rows: 24, cwd: dir, env: { HOME: dir } });
  await tmux.waitForScreen((s) => /§ \d+\/\d+ Look/.test(s), 'the runbook open');
  tmux.writeRaw(`4${K.enter}`);
  await tmux.waitForScreen((s) => s.includes('Proceed? y / N'), 'the confirmation');
  tmux.writeRaw(`y${then}`);
  return tmux;
}

const inverse = (sgr: string[] | null): boolean => (sgr ?? []).some((code) => code.split(';').includes('7'));

for (const [columns, rows] of [[80, 24], [160, 48]] as const) {
  test(`${columns}x${rows}: an action's seq 1 200 scrolls back to line 1, and / finds 137 (n/N step through matches)`, { skip: missing ?? false }, async () => {
    const dir = incidentFolder('echo ready');
    const tmux = TmuxSession.start(warroomShellLine('open --as output'), { columns, rows, cwd: dir, env: { HOME: dir } });
    try {
      await tmux.waitForScreen((s) => s.includes('Status') && s.includes('§'), 'the console up');
      tmux.writeRaw(':action api count\r');
      let screen = await tmux.waitForScreen((s) => s.includes('✔ succeeded count api') && shownRows(s)?.[1] === 200, 'the action done, its newest rows shown');
      assert.ok(lineShown(screen, '200'), `the newest line shows:\n${screen}`);
      const [from] = shownRows(screen)!;
      assert.ok(from > 1, 'more output than fits: line 1 is not on screen yet');

      // Back to line 1 with PgUp, twenty in one write: every key of the read is a page.
      tmux.writeRaw(K.pageUp.repeat(20));
      screen = await tmux.waitForScreen((s) => shownRows(s)?.[0] === 1, 'scrolled back to line 1');
      assert.ok(lineShown(screen, '1'), `line 1 shows:\n${screen}`);
      tmux.writeRaw('G');
      await tmux.waitForScreen((s) => shownRows(s)?.[1] === 200, 'G: the newest again');

      // A search typed in one write with its Enter: line 137 comes into view, its match painted.
      tmux.writeRaw('/137\r');
      let styled = await tmux.waitForStyledScreen((s) => matchStyle(s, '137', '137') !== null, 'line 137 in view');
      screen = tmux.screen();
      assert.match(screen, /\/137 /, `the rule names the search:\n${screen}`);
      assert.ok(inverse(matchStyle(styled, '137', '137')), `the match is painted:\n${JSON.stringify(styled)}`);

      // Nothing matches: said so, and the view stays.
      tmux.writeRaw('/nowhere\r');
      screen = await tmux.waitForScreen((s) => s.includes('no match for nowhere'), 'no match said');
      assert.ok(lineShown(screen, '137'));

      // `99` is in lines 99 and 199: the search starts at the nearest above the view's bottom (99),
      // n goes further back (round to 199), N comes back (99). The query starts empty each time.
      tmux.writeRaw('/99\rn');
      styled = await tmux.waitForStyledScreen((s) => inverse(matchStyle(s, '199', '99')), 'n: the match in 199 is the current one');
      assert.ok(!inverse(matchStyle(styled, '99', '99')), 'one current match');
      tmux.writeRaw('N');
      styled = await tmux.waitForStyledScreen((s) => inverse(matchStyle(s, '99', '99')), 'N: back to the match in 99');

      tmux.writeRaw(K.escape);
      await tmux.waitForScreen((s) => !s.includes('✔ succeeded count api'), 'Esc closes the output');
    } finally {
      tmux.kill();
    }
  });
}

test("80x24: O after a runbook step shows the step's output, scrolled back to line 1 and searched", { skip: missing ?? false }, async () => {
  const tmux = await runStep('seq 1 200');
  try {
    await tmux.waitForScreen((s) => s.includes('✓ exit 0'), 'the step ran');
    tmux.writeRaw('O');
    let screen = await tmux.waitForScreen((s) => s.includes('✔ succeeded runbook step') && shownRows(s)?.[1] === 200, "O shows the step's output");
    assert.doesNotMatch(screen, /no action has run yet|nothing has run yet/);
    assert.match(screen, /\$ seq 1 200/);
    tmux.writeRaw('g/137\r');
    screen = await tmux.waitForScreen((s) => lineShown(s, '137') && /\/137 /.test(s), 'g then /137: line 137 found');
    tmux.writeRaw('g');
    screen = await tmux.waitForScreen((s) => shownRows(s)?.[0] === 1 && lineShown(s, '1'), 'g: line 1');
  } finally {
    tmux.kill();
  }
});

test('80x24: :cancel stops a long runbook step (sleep 30); the header count and the output agree', { skip: missing ?? false }, async () => {
  const tmux = await runStep('sleep 30');
  try {
    await tmux.waitForScreen((s) => s.includes('⟳ 1 running') && s.includes('⟳ running'), 'the step running, counted in the header');
    tmux.writeRaw('O');
    await tmux.waitForScreen((s) => s.includes('⟳ running runbook step') && s.includes('C-c cancel the run shown'), 'O shows the running step, its hint says C-c cancels it');
    tmux.writeRaw(`${K.escape}:cancel\r`);
    const screen = await tmux.waitForScreen((s) => s.includes('■ stopped after') && !s.includes('running'), ':cancel stopped it', 20_000);
    assert.doesNotMatch(screen, /no action is running|nothing is running/);
    tmux.writeRaw('O');
    await tmux.waitForScreen((s) => s.includes('■ cancelled runbook step'), 'O shows it cancelled');
  } finally {
    tmux.kill();
  }
});

// `yO` in one read: the O came before the approved step registered as running (a few promise
// turns after the y) and said "nothing has run yet"; found as a flake when a loaded machine read
// the y and the O together.
test('80x24: y and O in one write show the step just approved; Ctrl-C in the output view cancels it, not the console', { skip: missing ?? false }, async () => {
  const tmux = await runStep('sleep 30', 'O');
  try {
    await tmux.waitForScreen((s) => s.includes('⟳ running runbook step') && s.includes('⟳ 1 running'), 'O shows the running step');
    tmux.writeRaw(K.ctrl('c'));
    await tmux.waitForScreen((s) => s.includes('■ cancelled runbook step') && !s.includes('⟳ 1 running'), 'Ctrl-C cancelled the step', 20_000);
  } finally {
    tmux.kill();
  }
});

test('80x24: with an action and a runbook step both running, the header counts 2 and one :cancel stops both', { skip: missing ?? false }, async () => {
  const tmux = await runStep('sleep 30');
  try {
    await tmux.waitForScreen((s) => s.includes('⟳ 1 running'), 'the step running');
    tmux.writeRaw(':action api hang\r');
    await tmux.waitForScreen((s) => s.includes('⟳ 2 running') && s.includes('⟳ running hang api'), 'the action running too, counted');
    tmux.writeRaw(`${K.escape}:cancel\r`);
    const screen = await tmux.waitForScreen((s) => !/⟳ \d running/.test(s) && s.includes('■ stopped after'), 'both stopped, the count gone', 20_000);
    assert.doesNotMatch(screen, /nothing is running/);
    tmux.writeRaw('O');
    await tmux.waitForScreen((s) => s.includes('■ cancelled hang api'), 'the action cancelled');
  } finally {
    tmux.kill();
  }
});

test('80x24: [ and ] in the output view go to earlier and later runs, a runbook step and an action alike', { skip: missing ?? false }, async () => {
  const tmux = await runStep('echo from-the-step');
  try {
    await tmux.waitForScreen((s) => s.includes('✓ exit 0'), 'the step ran');
    tmux.writeRaw(':action api count\r');
    await tmux.waitForScreen((s) => s.includes('✔ succeeded count api') && s.includes('run 2/2'), 'the action shown, the latest of two runs');
    tmux.writeRaw('[');
    let screen = await tmux.waitForScreen((s) => s.includes('✔ succeeded runbook step') && s.includes('run 1/2'), '[: the step before it');
    assert.ok(lineShown(screen, 'from-the-step'), `the step's output:\n${screen}`);
    tmux.writeRaw('[]]');
    screen = await tmux.waitForScreen((s) => s.includes('✔ succeeded count api') && s.includes('run 2/2'), '[ ] ]: back to the latest, and no further');
    assert.ok(lineShown(screen, '200'));
  } finally {
    tmux.kill();
  }
});

/** The output view's hint of a running run (it starts with the cancel key), its rows joined, up to the bottom border. */
function hintLine(screen: string): string {
  const rows = screen.split('\n').map((row) => row.replace(/^│\s*|\s*│\s*$/g, ''));
  const first = rows.findIndex((row) => row.startsWith('C-c cancel'));
  const bottom = rows.findIndex((row) => row.startsWith('╰'));
  return first < 0 ? '' : rows.slice(first, bottom).join(' · ');
}

test('80x24: ? lists the output view\'s keys, every key its hint line names, under Run output (O)', { skip: missing ?? false }, async () => {
  const dir = incidentFolder('echo ready');
  const tmux = TmuxSession.start(warroomShellLine('open --as output'), { columns: 80, rows: 24, cwd: dir, env: { HOME: dir } });
  try {
    await tmux.waitForScreen((s) => s.includes('Status') && s.includes('§'), 'the console up');
    // A running action, searched, with a run before it: every key of the hint applies.
    tmux.writeRaw(':action api count\r');
    await tmux.waitForScreen((s) => s.includes('✔ succeeded count api'), 'the first run done');
    tmux.writeRaw(`${K.escape}:action api hang\r`);
    await tmux.waitForScreen((s) => s.includes('⟳ running hang api') && s.includes('run 2/2'), 'the hang running, the latest of two');
    tmux.writeRaw('/x\r');
    const hint = hintLine(await tmux.waitForScreen((s) => hintLine(s).includes('n older'), 'searched: n and N in the hint'));
    // Its items whole (not cut at the edge): the keys are the words before the description.
    assert.doesNotMatch(hint, /…/, `the hint is not cut:\n${tmux.screen()}`);
    const keys = hint.split(' · ').flatMap((item) => {
      const words = item.split(' ');
      return (item.endsWith(' scroll') ? words.slice(0, -1) : words.slice(0, 1)).flatMap((word) => (word === '/' ? [word] : word.split('/')));
    });
    assert.ok(['C-c', 'j', 'PgDn', 'g', '/', 'n', 'N', '[', ']', 'Esc'].every((key) => keys.includes(key)), `the hint names the keys that apply (${keys.join(' ')}):\n${hint}`);

    // Esc, then ? in one write: help, read page by page to its end.
    tmux.writeRaw(`${K.escape}?`);
    let seen = await tmux.waitForScreen((s) => s.includes('Help: keys and : commands'), 'help open');
    for (let page = 0; page < 40 && !seen.includes(' · end') && !seen.includes('all shown'); page++) {
      const at = /lines (\d+)–/.exec(tmux.screen())?.[1];
      tmux.writeRaw(K.pageDown);
      seen += await tmux.waitForScreen((s) => s.includes(' · end') || /lines (\d+)–/.exec(s)?.[1] !== at, 'the next page of help');
    }
    const from = seen.indexOf('Run output (O)');
    assert.ok(from >= 0, `help has a Run output (O) section:\n${seen}`);
    const section = seen.slice(from, seen.indexOf('Command line (', from));
    // Each key the hint names has a help row, and so does every key of the view.
    const listed = [...section.matchAll(/^\s*[│║]?\s*(\S+)\s{2,}/gm)].flatMap((m) => (m[1] === '/' ? ['/'] : m[1]!.split('/')));
    for (const key of keys) assert.ok(listed.includes(key), `${key} (named by the hint) is not listed under Run output in help:\n${section}`);
    for (const row of ['j/↓', 'k/↑', 'PgDn/Space', 'PgUp', 'g/Home', 'G/End', 'Esc/q', 'C-c']) assert.ok(listed.includes(row.split('/')[0]!), `${row} not in help:\n${section}`);
    assert.match(section, /cancel the run shown/);
    assert.match(section, /earlier run/);
  } finally {
    tmux.kill();
  }
});

test('80x24: hostile action output is inert in the output view: no clear, no title, no clipboard; progress bars keep their last state', { skip: missing ?? false }, async () => {
  const dir = incidentFolder('echo ready');
  const tmux = TmuxSession.start(warroomShellLine('open --as output'), { columns: 80, rows: 24, cwd: dir, env: { HOME: dir } });
  try {
    await tmux.waitForScreen((s) => s.includes('Status') && s.includes('§'), 'the console up');
    const title = tmux.tmux(['display-message', '-p', '-t', 'main', '#{pane_title}']).trim();
    tmux.writeRaw(':action api evil\r');
    const screen = await tmux.waitForScreen((s) => s.includes('✔ succeeded evil api') && lineShown(s, '100%'), 'the output shown');
    assert.ok(lineShown(screen, 'abcd'), `the text around the sequences, the sequences gone:\n${screen}`);
    assert.ok(lineShown(screen, '\ufffd\\(x'), `invalid UTF-8 shown as U+FFFD:\n${screen}`);
    assert.match(screen, /INC-/, 'the header was not cleared');
    assert.equal(tmux.tmux(['display-message', '-p', '-t', 'main', '#{pane_title}']).trim(), title, 'the pane title is unchanged');
    assert.equal(tmux.tmux(['list-buffers']).trim(), '', 'nothing reached the clipboard');
  } finally {
    tmux.kill();
  }
});
