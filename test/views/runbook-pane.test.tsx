// The runbook pane in the whole console: run a step against a local command (placeholder asked,
// confirmation showing the exact command), mark done, skip with a reason, note, sections, search,
// and progress restored from the recorded events on a fresh console.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { MemoryRecorder } from '../helpers/memory-recorder.js';
import { RunbookController } from '../../src/runbooks/controller.js';
import { parseRunbook } from '../../src/runbooks/parse.js';
import { createWarroomStore } from '../../src/store/store.js';
import { paneBudget } from '../../views/runbook/rows.js';
import { KEYS, renderConsole } from '../helpers/render-console.js';
import { waitFor } from '../helpers/wait-for.js';
import { RecordingExecutor } from '../helpers/recording-executor.js';

const RUNBOOK = [
  '# Cache misbehaving',
  '',
  '## Look around',
  '',
  '1. **Say hello to the cache**',
  '   ```bash',
  '   # greet',
  '   echo "hello <who>"; echo second line; exit 4',
  '   ```',
  '2. **Check the box**',
  '   ```bash',
  '   echo fine',
  '   ```',
  '3. Tell the channel',
  '',
  '## Recover',
  '',
  '- [ ] Flush the cache',
  '- [ ] Warm it up again',
].join('\n');

const mounted: { unmount: () => void }[] = [];
after(() => mounted.forEach((ui) => ui.unmount()));

/** A console with the runbook pane focused from the first frame (see the report: a focus change redraws frames misplaced in ink-testing-library). */
function focusedConsole() {
  const store = createWarroomStore();
  store.getState().focusPane('runbook');
  return renderConsole({ columns: 120, rows: 40, store });
}

function setup(events: { kind: string; data: Record<string, unknown> }[] = []) {
  const ui = focusedConsole();
  mounted.push(ui);
  const recorder = new MemoryRecorder();
  const executor = new RecordingExecutor();
  const controller = new RunbookController({ store: ui.store, recorder, executor, env: {} });
  controller.attach();
  controller.show(parseRunbook(RUNBOOK, 'cache.md'), events);
  return { ui, recorder, executor, controller };
}

test('Enter asks for the placeholder, confirms the exact command, runs it and shows the output with its exit code', async () => {
  const { ui, recorder, executor } = setup();
  await waitFor(() => ((f: string) => f.includes('▶4 Runbook') && f.includes('Say hello to the cache'))(ui.frame()), { what: 'first frame' });
  assert.match(ui.frame(), /› \[ \] Say hello to the cache/);
  await ui.press(KEYS.enter, (f) => f.includes('Value for <who>'));
  await ui.press('cache-7', (f) => f.includes('cache-7'));
  // The exact text the shell gets, and the value beside it (handed over as data).
  await ui.press(KEYS.enter, (f) => f.includes('Run "Say hello to the cache"?') && f.includes('echo "hello ${who}"') && f.includes("who='cache-7'") && f.includes('locally:'));
  await ui.press('y', (f) => f.includes('✗ exit 4') && f.includes('second line'));
  assert.equal(executor.ran[0]!.command, 'echo "hello ${who}"; echo second line; exit 4');
  const ran = recorder.ofKind('runbook.step').find((e) => e.data.status === 'ran');
  assert.ok(ran, 'the run is on the timeline');
  assert.deepEqual(ran.data.tail, ['hello cache-7', 'second line']);
  assert.equal(ran.data.exitCode, 4);
  assert.equal(ui.store.getState().running && Object.keys(ui.store.getState().running).length, 0);
  ui.unmount();
});

test('Space marks done and moves on; s skips with a reason; n notes; ] and [ change section; / searches', async () => {
  const { ui, recorder } = setup();
  await waitFor(() => ((f: string) => f.includes('▶4 Runbook'))(ui.frame()), { what: 'first frame' });
  await ui.press(' ', (f) => /\[x\] Say hello to the cache/.test(f) && /› \[ \] Check the box/.test(f));
  await ui.press('s', (f) => f.includes('Skip "Check the box"'));
  await ui.press('not needed today', (f) => f.includes('not needed today'));
  await ui.press(KEYS.enter, (f) => f.includes('[-] Check the box (skipped: not needed today)') && /› \[ \] Tell the channel/.test(f));
  await ui.press('n', (f) => f.includes('Note on "Tell the channel"'));
  await ui.press('posted in #inc', (f) => f.includes('posted in #inc'));
  await ui.press(KEYS.enter, (f) => f.includes('✎ posted in #inc'));
  await ui.press(']', (f) => f.includes('§ 3/3 Recover') && /› \[ \] Flush the cache/.test(f));
  await ui.press('[', (f) => f.includes('§ 2/3 Look around'));
  await ui.press('/', (f) => f.includes('Search the runbook'));
  await ui.press('warm', (f) => f.includes('warm'));
  await ui.press(KEYS.enter, (f) => /› \[ \] Warm it up again/.test(f));
  // A search with no match says so; the next search starts empty (what is typed is the whole
  // query, not appended to the last one) and Enter alone repeats the last query.
  await ui.press('/', (f) => f.includes('Enter alone searches for "warm" again.'));
  await ui.press('zzz-nowhere', (f) => f.includes('zzz-nowhere') && !f.includes('warmzzz'));
  await ui.press(KEYS.enter, (f) => f.includes('no step or section mentions "zzz-nowhere"'));
  await ui.press('/', (f) => f.includes('Enter alone searches for "zzz-nowhere" again.'));
  await ui.press('warm', (f) => f.includes('/warm') || f.includes('/ warm'));
  await ui.press(KEYS.enter, (f) => /› \[ \] Warm it up again/.test(f) && !f.includes('Search the runbook'));
  const statuses = recorder.ofKind('runbook.step').map((e) => [e.data.status, e.data.text]);
  assert.deepEqual(statuses, [
    ['done', 'Say hello to the cache'],
    ['skipped', 'Check the box'],
    ['noted', 'Tell the channel'],
  ]);
  ui.unmount();

  // Reopening the incident: a fresh console restores the same progress from the recorded events.
  const reopened = setup(recorder.events);
  await waitFor(() => ((f: string) => f.includes('▶4 Runbook'))(reopened.ui.frame()), { what: 'first frame' });
  await waitFor(() => {
    const f = reopened.ui.frame();
    return f.includes('[x] Say hello to the cache') && f.includes('[-] Check the box (skipped: not needed today)') && /› \[ \] Tell the channel/.test(f);
  }, { what: 'restored progress' });
  assert.equal(reopened.recorder.events.length, 0, 'restoring records nothing new');
  reopened.ui.unmount();
});

test('read-only refuses to run; dry-run records without running; j/k pick a single command', async () => {
  const { ui, recorder, executor } = setup();
  ui.store.getState().setIncident({ mode: 'read-only' });
  await waitFor(() => ((f: string) => f.includes('▶4 Runbook'))(ui.frame()), { what: 'first frame' });
  await ui.press(KEYS.enter, (f) => f.includes('read-only'));
  assert.equal(executor.ran.length, 0);

  ui.store.getState().setIncident({ mode: 'dry-run' });
  await ui.press('j', (f) => /› \[ \] Check the box/.test(f));
  await ui.press(KEYS.enter, (f) => f.includes('[dry-run] Run "Check the box"?'));
  await ui.press('y', (f) => f.includes('[dry-run] not executed'));
  assert.equal(executor.ran.length, 0);
  assert.equal(recorder.ofKind('runbook.step')[0]!.data.dryRun, true);
  ui.unmount();
});

test('r opens another runbook from the folder', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'warroom-runbooks-'));
  writeFileSync(join(dir, 'a-first.md'), '# First\n\n## Only\n\n- [ ] first step\n');
  writeFileSync(join(dir, 'b-second.md'), '# Second\n\n## Part\n\n- [ ] second step\n');
  const ui = focusedConsole();
  mounted.push(ui);
  const controller = new RunbookController({ store: ui.store, recorder: new MemoryRecorder(), executor: new RecordingExecutor(), runbooksDir: dir });
  controller.attach();
  assert.equal(await controller.open(join(dir, 'a-first.md')), true);
  await waitFor(() => ((f: string) => f.includes('first step'))(ui.frame()), { what: 'first frame' });
  // The picker names runbooks by title, not by file name.
  await ui.press('r', (f) => f.includes('1. First') && f.includes('2. Second') && !f.includes('a-first.md'));
  await ui.press('2', (f) => f.includes('# 2'));
  await ui.press(KEYS.enter, (f) => f.includes('second step'));
  // A runbook that cannot be read leaves the open one open, and says why.
  assert.equal(await controller.open(join(dir, 'missing.md')), false);
  await waitFor(() => ui.store.getState().flash?.text.includes('runbook not found'), { what: 'error message' });
  assert.equal(ui.store.getState().runbook.doc?.title, 'Second');
  ui.unmount();
});

test('suggested sections show at the top and g goes to them', async () => {
  const { ui } = setup();
  await waitFor(() => ((f: string) => f.includes('▶4 Runbook') && f.includes('§ 2/3 Look around'))(ui.frame()), { what: 'first frame' });
  ui.store.getState().setRunbookObserved({ downServices: [], critPanels: [], allDown: false });
  assert.ok(!ui.frame().includes('★'));
  ui.store.getState().setRunbookObserved({ downServices: ['cache'], critPanels: [], allDown: false });
  await waitFor(() => ui.frame().includes('★ suggested (g): Cache misbehaving (cache is down)'), { what: 'suggestion line' }).catch((e) => { console.log(ui.frame()); throw e; });
  await ui.press(']', (f) => f.includes('§ 3/3 Recover'));
  // The suggested heading has no steps of its own: g opens its first section that has some.
  await ui.press('g', (f) => f.includes('§ 2/3 Look around'));
  ui.unmount();
});

test('paneBudget: the parts never add up to more than the pane; in a short one the output comes before the suggestion', () => {
  const total = (b: { suggestion: number; list: number; output: number }) => b.suggestion + 1 + b.list + b.output;
  assert.deepEqual(paneBudget(22, true, 2), { suggestion: 1, list: 16, output: 4 }, 'a tall pane: as before');
  assert.deepEqual(paneBudget(22, true, null), { suggestion: 1, list: 20, output: 0 });
  assert.deepEqual(paneBudget(4, true, 2), { suggestion: 0, list: 1, output: 2 }, '80x24: header, the step, the output');
  assert.deepEqual(paneBudget(4, true, null), { suggestion: 1, list: 2, output: 0 });
  assert.deepEqual(paneBudget(3, true, 2), { suggestion: 1, list: 1, output: 0 }, 'no room for the output: keep the suggestion');
  assert.deepEqual(paneBudget(22, true, 200, 3), { suggestion: 1, list: 3, output: 17 }, 'a short step list leaves its rows to a long output');
  assert.deepEqual(paneBudget(22, true, 200, 30), { suggestion: 1, list: 12, output: 8 }, 'a long list keeps its 60%');
  for (let height = 2; height <= 30; height++) {
    for (const suggestion of [true, false]) {
      for (const lines of [null, 0, 1, 5, 100]) for (const list of [0, 3, 50]) assert.ok(total(paneBudget(height, suggestion, lines, list)) <= height, `height ${height}`);
    }
  }
});

test('in a short stacked pane (80x24) a step\'s output never draws over the header', async () => {
  const store = createWarroomStore();
  store.getState().focusPane('runbook');
  const ui = renderConsole({ columns: 80, rows: 24, store });
  mounted.push(ui);
  const controller = new RunbookController({ store, recorder: new MemoryRecorder(), executor: new RecordingExecutor(), env: {} });
  controller.attach();
  controller.show(parseRunbook(RUNBOOK, 'cache.md'), []);
  store.getState().setRunbookObserved({ downServices: ['cache'], critPanels: [], allDown: false });
  await waitFor(() => ui.frame().includes('★ suggested (g): Cache misbehaving'), { what: 'the suggestion' });
  await ui.press('j', (f) => /› \[ \] Check the box/.test(f));
  await ui.press(KEYS.enter, (f) => f.includes('Run "Check the box"?'));
  await ui.press('y', (f) => f.includes('✓ ran') && f.includes('$ echo fine'));
  const header = ui.frame().split('\n').find((line) => line.includes('§ 2/3'));
  assert.match(header ?? '', /║§ 2\/3 Look around · 0\/3 done +║/);
  ui.unmount();
});
