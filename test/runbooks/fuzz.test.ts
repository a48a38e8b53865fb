// Whatever text a runbook file holds, parsing (and everything built on the parse) never throws.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { checkRunbook } from '../../src/runbooks/check.js';
import { parseRunbook } from '../../src/runbooks/parse.js';
import { RunbookProgress } from '../../src/runbooks/progress.js';
import { splitShellBlock } from '../../src/runbooks/shell-lines.js';
import { suggestSections } from '../../src/runbooks/symptoms.js';

/** Pieces that tend to break Markdown and shell scanners when glued together at random. */
const FRAGMENTS = [
  '# ', '## ', '\n', '\n\n', '- ', '- [ ] ', '- [x] ', '1. ', '**', '`', '```', '```bash\n', '~~~', '|', '| a | b |\n|---|---|\n',
  '> ', '<div>', '</div>', '\\', '"', "'", '$ ', '${X}', '$API_KEY', '<name>', 'INC-XXXX', '<<EOF\n', 'EOF\n', 'for i in a; do',
  'done', 'if true; then', 'fi', '{', '}', '$(', ')', 'ssh host "ls"', 'ssh ', '#!/bin/sh\n', '# comment\n', '\t', '\r\n', '\u001b[31m',
  '| Level | Response time |\n|--|--|\n| P1 | 5 min |\n', 'Symptoms:', '### Symptoms\n', 'cd /tmp\n', 'exit\n',
];

const markdownish = fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string(), fc.string({ unit: 'grapheme', maxLength: 20 })), { maxLength: 60 }).map((parts) => parts.join(''));

test('parseRunbook never throws on arbitrary text', () => {
  fc.assert(
    fc.property(fc.oneof(markdownish, fc.string({ unit: 'binary', maxLength: 400 })), (source) => {
      const runbook = parseRunbook(source, 'fuzz.md');
      assert.ok(Array.isArray(runbook.sections));
      for (const section of runbook.sections) {
        for (const step of section.steps) {
          assert.equal(typeof step.text, 'string');
          for (const command of step.commands) assert.ok(command.line >= 1);
        }
      }
      checkRunbook(runbook, ['host']);
      suggestSections(runbook, { downServices: ['a', ''], critPanels: ['error rate'], allDown: true });
      const progress = RunbookProgress.restore(runbook, [{ kind: 'runbook.step', data: { runbook: 'fuzz.md', line: 3, status: 'done' } }]);
      const counts = progress.counts();
      assert.equal(counts.total, new Set(runbook.sections.flatMap((s) => s.steps.map((step) => step.line))).size, 'one state per step');
      assert.ok(counts.done + counts.skipped <= counts.total);
    }),
    { numRuns: 600 },
  );
});

test('splitShellBlock never throws and keeps every command non-empty', () => {
  fc.assert(
    fc.property(markdownish, fc.constantFrom('bash', 'console', ''), (code, lang) => {
      for (const command of splitShellBlock(code, lang).commands) assert.notEqual(command.run, '');
    }),
    { numRuns: 600 },
  );
});
