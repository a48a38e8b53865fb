// What the lead approves is what runs, in the console as it is used: tmux at 80x24, a runbook
// whose steps attack the confirmation (a conceal escape, a command pushed out of sight by 400
// spaces, `rm -rf`), read back with its styles (`capture-pane -e`). Marker files prove what ran.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { stylesOf, TmuxSession, tmuxMissing, warroomShellLine } from '../helpers/tmux.js';
import { waitFor } from '../helpers/wait-for.js';

const missing = tmuxMissing();

function drill(): { cwd: string; marker: (name: string) => string; victim: string } {
  const cwd = mkdtempSync(join(tmpdir(), 'warroom-e2e-safety-'));
  const marker = (name: string) => join(cwd, `marker-${name}`);
  const victim = join(cwd, 'victim');
  mkdirSync(victim);
  writeFileSync(join(victim, 'data'), 'keep me');
  const runbook = [
    '# Attack drill',
    '## Steps',
    '1. **Conceal**',
    '   ```bash',
    `   echo ok \u001b[8m; touch ${marker('conceal')} \u001b[0m`,
    '   ```',
    '2. **Far away**',
    '   ```bash',
    `   echo fine${' '.repeat(400)}; touch ${marker('far')}`,
    '   ```',
    '3. **Clean up**',
    '   ```bash',
    `   rm -rf ${victim}`,
    '   ```',
  ].join('\n');
  writeFileSync(join(cwd, 'attack.md'), runbook);
  writeFileSync(
    join(cwd, 'warroom.yaml'),
    ['incident:', '  title: Attack drill', '  runbook: attack.md', 'services:', '  - name: box', '    checks:', '      - command: "true"', ''].join('\n'),
  );
  return { cwd, marker, victim };
}

test('the step confirmation shows concealed and far-away commands, and rm -rf needs the typed word', { skip: missing ?? false, timeout: 120_000 }, async () => {
  const { cwd, marker, victim } = drill();
  const tmux = TmuxSession.start(warroomShellLine('open --config warroom.yaml --as drill'), { columns: 80, rows: 24, cwd });
  try {
    await tmux.waitForScreen((s) => s.includes('4 Runbook') && s.includes('Conceal'), 'the console with the runbook');
    tmux.send('4');
    await tmux.waitForScreen((s) => s.includes('▶4 Runbook'), 'the runbook focused');

    // 1. ESC[8m: drawn as visible text, and no cell of the dialog carries the conceal attribute.
    tmux.send('Enter');
    const concealed = await tmux.waitForStyledScreen((s) => s.includes('Proceed? y / N') && s.includes('Run "Conceal"?'), 'the conceal confirmation');
    const plain = tmux.screen();
    assert.ok(plain.includes(`echo ok ␛[8m; touch ${marker('conceal')}`.slice(0, 60)), plain);
    assert.ok(stylesOf(concealed, '␛[8m').length > 0, 'the escape is drawn as text');
    assert.ok(!/\u001b\[(?:[0-9;]*;)?8m/.test(concealed), 'nothing on the screen is concealed');
    tmux.send('n');
    await tmux.waitForScreen((s) => !s.includes('Proceed? y / N'), 'declined');
    assert.equal(existsSync(marker('conceal')), false, 'declined: nothing ran');

    // 2. 400 spaces: the dialog wraps, so `; touch …` is on screen before anything runs.
    tmux.send('j');
    await tmux.waitForScreen((s) => /› \[ \] Far away/.test(s), 'the cursor on Far away');
    tmux.send('Enter');
    const far = await tmux.waitForScreen((s) => s.includes('Run "Far away"?') && s.includes('Proceed? y / N'), 'the far-away confirmation');
    assert.ok(far.includes('; touch '), `the hidden part is visible:\n${far}`);
    tmux.send('y');
    await waitFor(() => existsSync(marker('far')), { timeoutMs: 20_000, what: 'the approved (and shown) command to run' });

    // 3. rm -rf: y does nothing; the typed word is required.
    await tmux.waitForScreen((s) => s.includes('✓ ran') || s.includes('[✓]') || s.includes('exit 0'), 'the far-away step ran');
    if (!/› \[ \] Clean up/.test(tmux.screen())) tmux.send('j');
    await tmux.waitForScreen((s) => /› \[ \] Clean up/.test(s), 'the cursor on Clean up');
    tmux.send('Enter');
    await tmux.waitForScreen((s) => s.includes('Run "Clean up"?') && s.includes('Type rm to confirm'), 'the typed confirmation');
    tmux.send('y', 'Enter');
    await tmux.waitForScreen((s) => s.includes('does not match'), 'a wrong answer refused');
    assert.equal(readFileSync(join(victim, 'data'), 'utf8'), 'keep me', 'y did not run rm -rf');
    tmux.send('Escape');
    await tmux.waitForScreen((s) => !s.includes('Type rm to confirm'), 'cancelled');
    assert.equal(existsSync(victim), true);
    tmux.send('Enter');
    await tmux.waitForScreen((s) => s.includes('Type rm to confirm'), 'asked again');
    tmux.type('rm');
    tmux.send('Enter');
    await waitFor(() => !existsSync(victim), { timeoutMs: 20_000, what: 'rm -rf to run once the word was typed' });
    tmux.send('q');
  } finally {
    tmux.kill();
  }
});
