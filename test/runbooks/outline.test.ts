// Which symptoms the pane shows above a section's steps: a scenario's `### Symptoms` list goes
// with its `### Diagnose` sibling, but another scenario's inline symptoms are not borrowed by a
// section that has none (regression: "High error rate" showed the queue section's symptoms).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sectionSymptoms } from '../../src/runbooks/outline.js';
import { parseRunbook } from '../../src/runbooks/parse.js';

test("a section borrows its Symptoms sibling's list, never another scenario's", () => {
  const runbook = parseRunbook(
    ['# Book', '', '## Stuck', '', '### Symptoms', '- queue-api is down', '', '### Diagnose', '- [ ] look', '', '## Errors', '', '- [ ] check', '', '## Backlog', '', 'Symptoms: workers behind', '', '- [ ] scale', ''].join('\n'),
    'book.md',
  );
  const at = (title: string) => runbook.sections.findIndex((s) => s.title === title);
  assert.deepEqual(sectionSymptoms(runbook, at('Diagnose')), ['queue-api is down']);
  assert.deepEqual(sectionSymptoms(runbook, at('Backlog')), ['workers behind']);
  assert.deepEqual(sectionSymptoms(runbook, at('Errors')), []);
});
