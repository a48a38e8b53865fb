// Text fields in a real terminal (tmux, 80x24), read back with their styles, as they were found:
// in the status-update editor the cursor (an inverse cell) must sit where typing lands after ↓,
// and a line too long for 80 columns ends with `…`; a secret placeholder (`$API_KEY`) typed into
// its prompt on the shared screen shows as `•`, never in clear, and reaches neither the screen
// nor the journal.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { KEY_BYTES as K, styledRows, TmuxSession, tmuxMissing, warroomExitCode, warroomShellLine } from '../helpers/tmux.js';

const missing = tmuxMissing();
const folders: string[] = [];
after(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const TITLE = 'checkout errors and slow checkouts for every EU customer since the 14:02 deploy';

/** A folder with a one-check config, a long incident title and a runbook whose step needs `$API_KEY`. */
function incidentFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'warroom-e2e-fields-'));
  folders.push(dir);
  writeFileSync(
    join(dir, 'warroom.yaml'),
    ['incident:', `  title: ${TITLE}`, '  runbook: runbook.md', 'services:', '  - name: api', '    checks:', '      - command: "true"', '        interval: 2s', ''].join('\n'),
  );
  writeFileSync(
    join(dir, 'runbook.md'),
    ['# API drill', '', '## Ask the API', '', '1. Ask the API with its key:', '   ```bash', '   echo "key is $API_KEY"', '   ```', ''].join('\n'),
  );
  return dir;
}

function journalText(dir: string): string {
  const incidents = join(dir, '.warroom', 'incidents');
  const [id] = readdirSync(incidents);
  return readFileSync(join(incidents, id!, 'journal.jsonl'), 'utf8');
}

/** The row of a styled screen whose text contains `text`, with the index of its inverse cells. */
function rowWith(styled: string, text: string): { plain: string; inverse: number[] } | undefined {
  for (const row of styledRows(styled)) {
    const plain = row.map((cell) => cell.char).join('');
    if (plain.includes(text)) return { plain, inverse: row.flatMap((cell, i) => (cell.sgr.includes('7') ? [i] : [])) };
  }
  return undefined;
}

function start(dir: string): TmuxSession {
  // FORCE_COLOR: the cursor is an inverse cell, which needs styles on.
  return TmuxSession.start(warroomShellLine('open --as fields'), { columns: 80, rows: 24, cwd: dir, env: { FORCE_COLOR: '3' } });
}

test('status-update editor at 80x24: after ↓ the cursor is drawn where typing lands; a cut line ends with …', { skip: missing ?? false, timeout: 120_000 }, async () => {
  const dir = incidentFolder();
  const tmux = start(dir);
  try {
    await tmux.waitForScreen((s) => s.includes('4 Runbook') && /api .*✔ UP/.test(s), 'the console');
    tmux.send('u');
    await tmux.waitForScreen((s) => s.includes('Status update · phase: INVESTIGATING'), 'the editor');
    // The first line holds the long title: cut at the editor's edge with an ellipsis.
    const first = tmux.screen().split('\n').find((line) => line.includes('[INVESTIGATING]'))!;
    assert.match(first, /…\s*║$/, first);

    tmux.send('Down');
    let styled = await tmux.waitForStyledScreen((s) => rowWith(s, 'We are investigating')?.plain.includes('› We are') === true, 'the cursor row moved down');
    tmux.send('Down');
    styled = await tmux.waitForStyledScreen((s) => rowWith(s, 'Impact:')?.plain.includes('› Impact:') === true, 'the cursor on the Impact row');
    let impact = rowWith(styled, 'Impact:')!;
    assert.deepEqual(impact.inverse, [impact.plain.indexOf('Impact:')], `one inverse cell, on the I of Impact: ${impact.plain}`);

    tmux.writeRaw('EU only. ');
    styled = await tmux.waitForStyledScreen((s) => rowWith(s, 'EU only. Impact:') !== undefined, 'the typed text before Impact:');
    impact = rowWith(styled, 'Impact:')!;
    assert.deepEqual(impact.inverse, [impact.plain.indexOf('Impact:')], `the cursor after the typed text: ${impact.plain}`);

    // At the end of a line longer than the editor, the cursor is still on screen, the start cut with …
    tmux.writeRaw(`${K.end}${' and payments are slow for customers in the EU region only'}`);
    styled = await tmux.waitForStyledScreen((s) => rowWith(s, 'EU region only') !== undefined, 'the end of the long line');
    impact = rowWith(styled, 'EU region only')!;
    assert.match(impact.plain, /› …/, impact.plain);
    assert.equal(impact.inverse.length, 1);
    assert.equal(impact.plain.slice(impact.inverse[0]! - 'only'.length, impact.inverse[0]), 'only', impact.plain);
    tmux.send('Escape');
    await tmux.waitForScreen((s) => !s.includes('Status update ·'), 'the editor closed');
    tmux.send('q');
    assert.equal(await warroomExitCode(tmux), 0);
  } finally {
    tmux.kill();
  }
});

test('a secret placeholder is masked while typed on the shared screen, and never recorded in clear', { skip: missing ?? false, timeout: 120_000 }, async () => {
  const dir = incidentFolder();
  const tmux = start(dir);
  try {
    await tmux.waitForScreen((s) => s.includes('4 Runbook') && s.includes('Ask the API with its key'), 'the console with the runbook');
    tmux.send('4');
    await tmux.waitForScreen((s) => s.includes('▶4 Runbook'), 'the runbook focused');
    tmux.send('Enter');
    await tmux.waitForScreen((s) => s.includes('Value for $API_KEY') && s.includes('$API_KEY:'), 'the placeholder prompt');
    tmux.writeRaw('sekrit-123');
    const screen = await tmux.waitForScreen((s) => s.includes('$API_KEY: ••••••••••'), 'ten masking dots');
    assert.ok(!screen.includes('sekrit'), screen);
    tmux.send('Enter');
    const confirmation = await tmux.waitForScreen((s) => s.includes('Proceed? y / N'), 'the step confirmation');
    assert.ok(!confirmation.includes('sekrit'), confirmation);
    tmux.send('y');
    await tmux.waitForScreen((s) => s.includes('✓ ran'), 'the step run');
    tmux.send('q');
    assert.equal(await warroomExitCode(tmux), 0);
  } finally {
    tmux.kill();
  }
  assert.ok(!journalText(dir).includes('sekrit-123'), 'the journal never holds the secret');
});
