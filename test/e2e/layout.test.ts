// Space follows content, as a user sees it in a real terminal (tmux): at 80x24 and 100x32 the
// board shows every check, the logs and the runbook show real lines without `z`, no pane keeps
// blank rows while another is cut, the focused pane grows, and a pane with no room folds to its
// title line (still saying which key opens it); from 120x40 the logs span the full width below two
// columns of the other panes, whose spare rows show the runbook's outline, and a focused pane
// grows. Keys are sent several to one write.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { bandStart, blankRows, drawnPanes, paneTitled, type DrawnPane } from '../helpers/screen-panes.js';
import { TmuxSession, tmuxMissing, warroomShellLine } from '../helpers/tmux.js';

const missing = tmuxMissing();
const CHECKS = ['checkout-api', 'payments', 'catalog', 'orders-db', 'demo-host'];

/** Board rows naming a check (its summary and column header are not rows). */
function checkRows(pane: DrawnPane): number {
  return pane.rows.filter((row) => CHECKS.some((name) => row.includes(name))).length;
}

/** Log lines between the source counts (first row) and the status line (last); 0 with no pane. */
function logLines(pane: DrawnPane | undefined): number {
  return pane ? pane.rows.slice(1, -1).filter((row) => row.trim() !== '').length : 0;
}

/** The pane titled `title`, if drawn. */
function titled(panes: readonly DrawnPane[], title: string): DrawnPane | undefined {
  return panes.find((pane) => pane.title === title);
}

/** Runbook rows under the section header: steps, commands, symptoms. */
function runbookRows(pane: DrawnPane): number {
  const header = pane.rows.findIndex((row) => row.startsWith('§'));
  return pane.rows.slice(header + 1).filter((row) => row.trim() !== '').length;
}

/** Starts the demo at a size and waits until the board has every check and the logs have filled their room. */
async function demoAt(columns: number, rows: number): Promise<TmuxSession> {
  const tmux = TmuxSession.start(warroomShellLine('demo --as layout'), { columns, rows, cwd: mkdtempSync(join(tmpdir(), 'warroom-layout-')) });
  await tmux.waitForScreen((s) => s.includes('Runbook') && s.includes('demo-host') && /✔ UP/.test(s) && s.includes('§'), 'the demo with its board and runbook');
  return tmux;
}

/** Waits for a screen whose panes pass `check` (the logs take a moment to fill, the demo's text moves). */
async function panesWhen(tmux: TmuxSession, gridAt: number | undefined, check: (panes: DrawnPane[]) => boolean, what: string): Promise<{ panes: DrawnPane[]; screen: string }> {
  const screen = await tmux.waitForScreen((s) => check(drawnPanes(s, gridAt)), what);
  return { panes: drawnPanes(screen, gridAt), screen };
}

test('80x24: the board shows every check, logs and runbook show real lines, the metrics fold; the focused pane grows', { skip: missing ?? false }, async () => {
  const tmux = await demoAt(80, 24);
  try {
    let { panes, screen } = await panesWhen(tmux, undefined, (p) => p.length === 4 && logLines(titled(p, 'Logs')) >= 2, 'four panes with log lines');
    const status = paneTitled(panes, 'Status', screen);
    assert.ok(status.focused, 'the board has focus at the start');
    assert.equal(checkRows(status), CHECKS.length, `every check is on the board:\n${screen}`);
    assert.equal(blankRows(status), 0, `no blank rows on the board while the others are cut:\n${screen}`);
    assert.ok(logLines(paneTitled(panes, 'Logs', screen)) >= 2, `at least two log lines:\n${screen}`);
    const runbook = paneTitled(panes, 'Runbook', screen);
    assert.ok(runbookRows(runbook) >= 2 && runbook.rows.some((row) => row.includes('$ ')), `the runbook's step and its command:\n${screen}`);
    const metrics = paneTitled(panes, 'Metrics', screen);
    assert.ok(metrics.folded, `the metrics fold to their title line:\n${screen}`);
    assert.match(screen, /3 Metrics · folded · 3 opens it/);

    // 2 focuses the logs: they grow to at least five lines; the runbook folds, the board keeps three rows.
    tmux.writeRaw('2');
    ({ panes, screen } = await panesWhen(tmux, undefined, (p) => titled(p, 'Logs')?.focused === true && logLines(titled(p, 'Logs')) >= 5, 'the logs focused and grown'));
    assert.ok(checkRows(paneTitled(panes, 'Status', screen)) >= 3, `the board keeps its worst rows:\n${screen}`);

    // Several keys in one write: 3 then 4 leaves the runbook focused, grown to its whole section.
    tmux.writeRaw('34');
    ({ panes, screen } = await panesWhen(tmux, undefined, (p) => titled(p, 'Runbook')?.focused === true, 'the runbook focused'));
    assert.ok(runbookRows(paneTitled(panes, 'Runbook', screen)) >= 4, `the focused runbook shows its section's steps:\n${screen}`);
    assert.ok(!paneTitled(panes, 'Runbook', screen).folded);
    // A spare row too few to open a folded pane (its frame and one line take three) goes to the
    // focused pane: at most that one row stays blank.
    for (const pane of panes) assert.ok(blankRows(pane) <= (pane.focused ? 1 : 0), `no blank rows in ${pane.title} while another pane is cut:\n${screen}`);
  } finally {
    tmux.kill();
  }
});

test('100x32: every pane shows real content, no pane keeps blank rows while another is cut', { skip: missing ?? false }, async () => {
  const tmux = await demoAt(100, 32);
  try {
    const { panes, screen } = await panesWhen(tmux, undefined, (p) => p.length === 4 && logLines(titled(p, 'Logs')) >= 3, 'four panes with log lines');
    assert.equal(checkRows(paneTitled(panes, 'Status', screen)), CHECKS.length, `every check on the board:\n${screen}`);
    assert.ok(logLines(paneTitled(panes, 'Logs', screen)) >= 3, `at least three log lines:\n${screen}`);
    assert.ok(paneTitled(panes, 'Metrics', screen).rows.filter((row) => row.trim() !== '').length >= 3, `the metrics panels:\n${screen}`);
    assert.ok(runbookRows(paneTitled(panes, 'Runbook', screen)) >= 2, `the runbook's step and command:\n${screen}`);
    for (const pane of panes) {
      assert.ok(!pane.folded, `${pane.title} is not folded at 100x32`);
      assert.equal(blankRows(pane), 0, `no blank rows in ${pane.title} while the logs are cut:\n${screen}`);
    }
  } finally {
    tmux.kill();
  }
});

for (const [columns, rows] of [[120, 40], [160, 45], [200, 50]] as const) {
  test(`${columns}x${rows}: the logs across the full width below two columns of whole panes; no blank rows; focus grows a pane`, { skip: missing ?? false }, async () => {
    const tmux = await demoAt(columns, rows);
    try {
      const gridAt = Math.floor(columns / 2);
      // Log lines longer than a half-width pane could show (78 columns at 160x45 before the band);
      // the demo's lines are up to ~100 characters.
      const across = Math.min(gridAt, 80);
      const filled = (p: DrawnPane[]) => {
        const logs = titled(p, 'Logs');
        return p.length === 4 && (logs?.rows.length ?? 0) >= 10 && logLines(logs) === logs!.rows.length - 2 && logs!.rows.some((row) => row.length > across);
      };
      let { panes, screen } = await panesWhen(tmux, gridAt, filled, 'four panes, the logs band full of lines, some long');
      assert.equal(checkRows(paneTitled(panes, 'Status', screen)), CHECKS.length, `every check on the board:\n${screen}`);
      assert.ok(paneTitled(panes, 'Metrics', screen).rows.filter((row) => row.trim() !== '').length >= 5, `every metrics panel:\n${screen}`);
      assert.ok(runbookRows(paneTitled(panes, 'Runbook', screen)) >= 4, `the runbook's section:\n${screen}`);
      // The logs alone below the columns, their frame as wide as the screen: a log line is read
      // across, not cut at the middle of the screen.
      const lines = screen.split('\n');
      const band = bandStart(lines, gridAt);
      assert.deepEqual(drawnPanes(lines.slice(band).join('\n')).map((pane) => pane.title), ['Logs'], `the logs alone below the columns:\n${screen}`);
      assert.equal([...lines[band]!.trimEnd()].length, columns, `the logs' frame spans the screen:\n${screen}`);
      const logs = paneTitled(panes, 'Logs', screen);
      assert.ok(logs.rows.some((row) => row.length > across), `log lines longer than a half-width pane shows:\n${screen}`);
      // Every row the columns leave is the band's: between the header and the footer, each screen
      // line is a row of a pane (the columns', then the band's), none blank.
      assert.ok(lines.slice(1, band).every((line) => /^[│║┌╔└╚─═]/.test(line)), `the columns reach the band:\n${screen}`);
      // The rows beside the board and the panels show more of the runbook (its outline of
      // sections) rather than blank rows; no pane above the logs keeps a blank row.
      const runbook = paneTitled(panes, 'Runbook', screen);
      const outline = runbook.rows.findIndex((row) => row.startsWith('─ Sections ─'));
      assert.ok(outline > 0 && runbook.rows.slice(outline + 1).some((row) => /^› Get the overall picture/.test(row)), `the outline of sections, the current one marked:\n${screen}`);
      for (const pane of panes.filter((p) => p !== logs)) assert.equal(blankRows(pane), 0, `no blank rows in ${pane.title} while the logs are cut:\n${screen}`);
      const logRows = logs.rows.length;

      // 3 focuses the metrics: they grow to show the selected panel's chart; the logs keep at least eight lines.
      tmux.writeRaw('3');
      ({ panes, screen } = await panesWhen(tmux, gridAt, (p) => titled(p, 'Metrics')?.focused === true && (titled(p, 'Metrics')?.rows.some((row) => /┤/.test(row)) ?? false), 'the metrics focused, with a chart'));
      const metrics = paneTitled(panes, 'Metrics', screen);
      assert.ok(metrics.rows.some((row) => /^\S.* · now .* · min /.test(row)), `the selected panel's chart below the list:\n${screen}`);
      assert.ok(logLines(paneTitled(panes, 'Logs', screen)) >= 8, `the logs keep eight lines:\n${screen}`);
      for (const pane of panes.filter((p) => p.title !== 'Logs' && !p.focused)) assert.equal(blankRows(pane), 0, `no blank rows in ${pane.title}:\n${screen}`);

      // 2 then 1 then 2 in one write: the logs focused grow past what they had, the board keeps its worst rows.
      tmux.writeRaw('212');
      ({ panes, screen } = await panesWhen(tmux, gridAt, (p) => titled(p, 'Logs')?.focused === true && titled(p, 'Logs')!.rows.length > logRows, 'the logs focused and grown'));
      assert.ok(checkRows(paneTitled(panes, 'Status', screen)) >= 3, `the board keeps its worst rows:\n${screen}`);
      for (const pane of panes.filter((p) => p.title !== 'Logs')) assert.equal(blankRows(pane), 0, `no blank rows in ${pane.title} while the logs are focused:\n${screen}`);
    } finally {
      tmux.kill();
    }
  });
}
