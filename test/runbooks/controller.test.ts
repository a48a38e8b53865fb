// The controller behind the pane's keys, driven headless: dialogs are answered through the store.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { MemoryRecorder } from '../helpers/memory-recorder.js';
import { RunbookController } from '../../src/runbooks/controller.js';
import { runbookParser } from '../../src/runbooks/load.js';
import { parseRunbook } from '../../src/runbooks/parse.js';
import { createWarroomStore } from '../../src/store/store.js';
import { waitFor } from '../helpers/wait-for.js';
import { RecordingExecutor } from '../helpers/recording-executor.js';

const RUNBOOK = ['# Env', '## Steps', '1. **Call it**', '   ```bash', '   echo "$DEMO_URL/health" "$DEMO_TOKEN" <svc>', '   ```'].join('\n');

function answer(store: ReturnType<typeof createWarroomStore>, expectTitle: RegExp, reply: string | null): Promise<string> {
  return waitFor<string>(() => {
    const dialog = store.getState().dialog;
    if (!dialog || !expectTitle.test(dialog.title)) return '';
    const shown = [dialog.title, ...dialog.lines].join('\n');
    store.getState().closeDialog(reply);
    return shown;
  }, { what: `dialog ${expectTitle}` });
}

test('env values are not asked again but named in the confirmation (secrets by name only); other placeholders are asked with the last answer offered', async () => {
  const store = createWarroomStore();
  const recorder = new MemoryRecorder();
  const executor = new RecordingExecutor();
  const controller = new RunbookController({ store, recorder, executor, env: { DEMO_URL: 'http://127.0.0.1:9', DEMO_TOKEN: 'tok-123' } });
  controller.attach();
  controller.show(parseRunbook(RUNBOOK, 'env.md'));

  const first = controller.run(store.getState().runbook.opensAt);
  await answer(store, /Value for <svc>/, 'api');
  const confirm = await answer(store, /Run "Call it"/, 'yes');
  await first;
  const lines = confirm.split('\n');
  assert.ok(lines.includes('  $ echo "$DEMO_URL/health" "$DEMO_TOKEN" "${svc}"'), confirm);
  assert.ok(lines.includes("    DEMO_URL='http://127.0.0.1:9' ($DEMO_URL, from the environment)"), confirm);
  assert.ok(lines.includes('    DEMO_TOKEN: secret, not shown ($DEMO_TOKEN, from the environment)'), confirm);
  assert.ok(lines.includes("    svc='api' (<svc>, typed now)"), confirm);
  assert.ok(!confirm.includes('tok-123'));
  assert.equal(executor.ran[0]!.command, 'echo "$DEMO_URL/health" "$DEMO_TOKEN" "${svc}"');
  await waitFor(() => store.getState().runbook.output?.running === false, { what: 'run finished' });
  assert.deepEqual(store.getState().runbook.output?.lines, ['http://127.0.0.1:9/health *** api'], 'the values reached the command; the secret it echoes is masked');
  assert.ok(!JSON.stringify(recorder.events).includes('tok-123'));
  const ran = recorder.ofKind('runbook.step')[0]!;
  assert.equal(ran.data.command, `echo "$DEMO_URL/health" "$DEMO_TOKEN" "\${svc}"  (DEMO_URL='http://127.0.0.1:9' svc='api')`);

  // Second run: <svc> is offered with the last answer; cancelling the confirmation runs nothing.
  const second = controller.run(store.getState().runbook.opensAt);
  await waitFor(() => store.getState().dialog?.initial === 'api', { what: 'last answer offered' });
  store.getState().closeDialog('api');
  await answer(store, /Run "Call it"/, null);
  await second;
  assert.equal(executor.ran.length, 1);
});

/** A controller attached to a new store, for the runbooks folder `dir`, with `files` (name: Markdown) written into it. */
function folderController(dir: string, files: Record<string, string>) {
  for (const [name, markdown] of Object.entries(files)) writeFileSync(join(dir, name), markdown);
  const store = createWarroomStore();
  const controller = new RunbookController({ store, recorder: new MemoryRecorder(), executor: new RecordingExecutor(), runbooksDir: dir });
  controller.attach();
  return { store, controller };
}

test("an alert whose runbook_url names another runbook of the folder puts that runbook's section first; opening it follows", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'warroom-linked-runbook-'));
  try {
    const { store, controller } = folderController(dir, {
      'api.md': '# API\n\n## Api down\n\n- [ ] restart the api\n',
      'disk.md': '# Disk\n\n## Clean up\n\n- [ ] delete old logs\n\n## Grow the volume\n\n- [ ] resize it\n',
    });
    await controller.open(join(dir, 'api.md'));
    store.getState().setRunbookObserved({ downServices: ['api'], critPanels: [], allDown: false, alerts: [] });
    assert.equal(store.getState().runbook.suggestions[0]?.title, 'Api down', 'the board decides while no alert links elsewhere');
    const alert = { name: 'DiskFull', summary: null, services: [], runbookUrl: 'https://git.example.com/ops/disk.md#grow-the-volume' };
    store.getState().setRunbookObserved({ downServices: ['api'], critPanels: [], allDown: false, alerts: [alert] });
    await waitFor(() => store.getState().runbook.suggestions[0]?.file === join(dir, 'disk.md'), { what: 'the linked runbook suggested first' });
    const [top, next] = store.getState().runbook.suggestions;
    assert.deepEqual([top!.runbook, top!.title, top!.reason], ['Disk', 'Grow the volume', 'DiskFull runbook_url']);
    assert.equal(next?.title, 'Api down', "the open runbook's own suggestion follows");
    // What `g` does with it: open that runbook at that section.
    assert.ok(await controller.open(top!.file!, top!.index));
    assert.equal(store.getState().runbook.doc?.title, 'Disk');
    assert.equal(store.getState().runbook.doc?.sections[store.getState().runbook.opensAt.section]?.title, 'Grow the volume', 'opened at the linked section');
    assert.equal(store.getState().runbook.suggestions[0]?.title, 'Grow the volume');
    controller.stop();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('while the configured runbook opens, the folder is not read for a suggestion (that would parse it twice); if it cannot be opened, the folder is', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'warroom-opening-runbook-'));
  const parser = runbookParser();
  const parse = parser.parse.bind(parser);
  const parsed: string[] = [];
  parser.parse = (source, file, budgetMs) => (parsed.push(file), parse(source, file, budgetMs));
  try {
    const { store, controller } = folderController(dir, {
      'api.md': '# API\n\n## Api down\n\n- [ ] restart the api\n',
      'disk.md': '# Disk\n\n## Disk full\n\n- [ ] delete old logs\n',
    });
    const opened = controller.open(join(dir, 'api.md'));
    // The board reports while the file is being parsed.
    store.getState().setRunbookObserved({ downServices: ['api'], critPanels: [], allDown: false, alerts: [] });
    assert.ok(await opened);
    assert.equal(store.getState().runbook.suggestions[0]?.title, 'Api down', "the open runbook's own section is suggested");
    assert.deepEqual(parsed, [join(dir, 'api.md')], 'only the runbook being opened was parsed');

    // One that cannot be opened: the folder's best fit is suggested instead.
    const { store: host, controller: other } = folderController(dir, {});
    const failed = other.open(join(dir, 'missing.md'));
    host.getState().setRunbookObserved({ downServices: ['api'], critPanels: [], allDown: false, alerts: [] });
    assert.equal(await failed, false);
    await waitFor(() => host.getState().runbook.suggestions[0]?.title === 'Api down', { what: "the folder's runbook suggested" });
    assert.equal(host.getState().runbook.suggestions[0]?.file, join(dir, 'api.md'));
    controller.stop();
    other.stop();
  } finally {
    parser.parse = parse;
    rmSync(dir, { recursive: true, force: true });
  }
});
