// A long runbook's suggested sections are scanned a slice per turn of the event loop, so a key
// pressed meanwhile is not kept waiting: the result is the one a scan at once gives, a scan
// overtaken by a newer state is dropped, and the controller shows the runbook first.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RunbookController } from '../../src/runbooks/controller.js';
import { parseRunbook } from '../../src/runbooks/parse.js';
import { SECTIONS_PER_TURN, suggestSections, suggestSectionsGradually, type ObservedState } from '../../src/runbooks/symptoms.js';
import { createWarroomStore } from '../../src/store/store.js';
import { MemoryRecorder } from '../helpers/memory-recorder.js';
import { RecordingExecutor } from '../helpers/recording-executor.js';
import { waitFor } from '../helpers/wait-for.js';

/** A runbook of `scenarios` scenarios of three sections each; the last scenarios are about the queue. */
function longRunbook(scenarios: number): string {
  const out = ['# Estate playbook', ''];
  for (let i = 0; i < scenarios; i++) {
    const about = i >= scenarios - 3 ? 'queue not draining' : `disk ${i} full`;
    out.push(`## Scenario ${i}: ${about}`, '', '### Symptoms', '', `- ${i >= scenarios - 3 ? 'queue-api is down' : 'disk alarms'}`, '', '### Diagnose', '', `- [ ] look at box ${i}`, '');
  }
  return out.join('\n');
}

const seen: ObservedState = {
  downServices: ['queue-api'],
  critPanels: ['error rate'],
  allDown: false,
  alerts: [{ name: 'QueueBacklog', summary: 'queue not draining', services: ['queue-api'], runbookUrl: 'playbook.md' }],
};

test('scanned a slice per turn, the suggestions are those of a scan at once, and other work runs between slices', async () => {
  const runbook = parseRunbook(longRunbook(1200), 'playbook.md');
  assert.ok(runbook.sections.length > 3 * SECTIONS_PER_TURN, `${runbook.sections.length} sections`);
  const atOnce = suggestSections(runbook, seen);
  assert.ok(atOnce.length > 0 && /queue not draining/.test(atOnce[0]!.title), JSON.stringify(atOnce));
  let turns = 0;
  let done = false;
  const tick = () => {
    turns += 1;
    if (!done) setImmediate(tick);
  };
  setImmediate(tick);
  const gradually = await suggestSectionsGradually(runbook, seen, () => true);
  done = true;
  assert.deepEqual(gradually, atOnce);
  assert.ok(turns >= Math.ceil(runbook.sections.length / SECTIONS_PER_TURN) - 1, `${turns} turns for ${runbook.sections.length} sections`);
});

test('a scan overtaken (another runbook, a newer state) ends with nothing', async () => {
  const runbook = parseRunbook(longRunbook(1200), 'playbook.md');
  let slices = 0;
  assert.equal(await suggestSectionsGradually(runbook, seen, () => ++slices < 2), null);
});

test('the controller shows a long runbook at once and its suggestions once scanned, from the latest state', async () => {
  const store = createWarroomStore();
  const controller = new RunbookController({ store, recorder: new MemoryRecorder(), executor: new RecordingExecutor(), env: {} });
  controller.attach();
  const runbook = parseRunbook(longRunbook(1200), 'playbook.md');
  store.getState().setRunbookObserved({ downServices: ['nothing-like-it'], critPanels: [], allDown: false });
  controller.show(runbook);
  assert.equal(store.getState().runbook.doc, runbook, 'shown before its suggestions are scanned');
  assert.deepEqual(store.getState().runbook.suggestions, []);
  // What the console sees changes while the first scan runs: only the newer state's suggestions land.
  store.getState().setRunbookObserved(seen);
  await waitFor(() => store.getState().runbook.suggestions.length > 0, { what: 'suggestions after the scan' });
  assert.deepEqual(store.getState().runbook.suggestions, suggestSections(runbook, seen));
  controller.stop();
});
