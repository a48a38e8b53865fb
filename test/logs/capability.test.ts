// The log capability from a real config: YAML through the loader, the engine starting it, lines
// reaching the store's logs slice, evidence reaching the timeline, and nothing left running.
import assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { loadConfigText } from '../../src/config/load.js';
import { Engine } from '../../src/engine/engine.js';
import { MemoryRecorder } from '../helpers/memory-recorder.js';
import { logsCapability } from '../../src/logs/capability.js';
import { INITIAL_LOGS_PANE, markedLine, reduceLogsPane } from '../../src/logs/pane-state.js';
import { createWarroomStore } from '../../src/store/store.js';
import { localExecutor } from './local-executor.js';
import { waitFor } from '../helpers/wait-for.js';

const dir = mkdtempSync(join(tmpdir(), 'warroom-logs-cap-'));
const executor = localExecutor();
after(async () => {
  await executor.close();
  rmSync(dir, { recursive: true, force: true });
});

test('configured file and command sources feed the store; m writes evidence; stop ends them', async () => {
  const path = join(dir, 'api.log');
  writeFileSync(path, 'INFO boot\n');
  const yaml = [
    'services:',
    '  - name: api',
    '    logs:',
    `      - file: ${path}`,
    '  - name: worker',
    '    logs:',
    `      - command: "echo 'WARN worker up'; sleep 60"`,
    'logs:',
    '  buffer: 500',
  ].join('\n');
  const config = loadConfigText(yaml, join(dir, 'warroom.yaml'), {});
  const store = createWarroomStore();
  const recorder = new MemoryRecorder();
  const engine = new Engine({ config, store, recorder, executor, mode: 'live', operator: 'test' }, [logsCapability]);
  await engine.start();
  try {
    const logs = () => store.getState().logs;
    await waitFor(() => logs().sources.length === 2 && logs().sources[1].warnsTotal === 1 && logs().sources[0].linesTotal === 1, { what: 'both sources' });
    assert.deepEqual(logs().sources.map((s) => s.tag), ['api', 'worker']);
    assert.equal(logs().ring!.capacity, 500);
    appendFileSync(path, 'ERROR payment failed token=abc123secret\n');
    await waitFor(() => logs().sources[0].errorsTotal === 1, { what: 'the appended error' });
    // As the pane's `E` then `m`: the selected error line is handed to the evidence writer.
    const pane = reduceLogsPane(INITIAL_LOGS_PANE, { type: 'prev-error' }, logs().ring!, 10);
    assert.equal(store.getState().markLogEvidence(markedLine(logs().ring!, pane)), 'line marked as evidence on the timeline');
    const evidence = recorder.ofKind('log.evidence');
    assert.equal(evidence.length, 1);
    assert.equal(evidence[0].data.source, 'api');
    assert.match(String(evidence[0].data.text), /^ERROR payment failed/);
  } finally {
    await engine.stop();
  }
  assert.equal(store.getState().logsEvidence, null);
});

test('no log sources configured: no capability', () => {
  const config = loadConfigText('services:\n  - name: api\n    checks:\n      - tcp: 127.0.0.1:5432\n', join(dir, 'w.yaml'), {});
  const store = createWarroomStore();
  assert.equal(logsCapability({ config, store, recorder: new MemoryRecorder(), executor, mode: 'live', operator: 't' }), null);
});
