// The runbook's heading tree is worked out once per runbook (outline.ts) instead of walking the
// sections on every question. These properties hold it to the plain walk it replaced, on
// runbooks of random heading shapes: the same parent, label, symptoms, "steps within" and match
// text for every section.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { Runbook } from '../../src/runbooks/model.js';
import { hasStepsWithin, parentOf, sectionLabel, sectionMatchTexts, sectionSymptoms } from '../../src/runbooks/outline.js';
import { parseRunbook } from '../../src/runbooks/parse.js';

/** The plain walks outline.ts had before (the reference). */
const walk = {
  parentOf(runbook: Runbook, index: number): number {
    const level = runbook.sections[index]?.level ?? 0;
    for (let i = index - 1; i >= 0; i--) {
      const section = runbook.sections[i]!;
      if (section.level > 0 && section.level < level) return i;
    }
    return -1;
  },
  symptoms(runbook: Runbook, index: number): string[] {
    const section = runbook.sections[index];
    if (!section) return [];
    if (section.symptoms.length > 0) return section.symptoms;
    const parent = walk.parentOf(runbook, index);
    if (parent < 0) return [];
    const parentLevel = runbook.sections[parent]!.level;
    for (let i = parent + 1; i < runbook.sections.length && runbook.sections[i]!.level > parentLevel; i++) {
      const sibling = runbook.sections[i]!;
      if (sibling.level === section.level && sibling.symptoms.length > 0 && /symptom/i.test(sibling.title)) return sibling.symptoms;
    }
    return runbook.sections[parent]!.symptoms;
  },
  stepsWithin(runbook: Runbook, index: number): boolean {
    const section = runbook.sections[index];
    if (!section) return false;
    if (section.steps.length > 0) return true;
    for (let i = index + 1; i < runbook.sections.length && runbook.sections[i]!.level > section.level; i++) if (runbook.sections[i]!.steps.length > 0) return true;
    return false;
  },
  texts(runbook: Runbook): string[] {
    return runbook.sections.map((section, i) => {
      let text = `${section.title}\n${section.symptoms.join('\n')}`;
      for (let j = i + 1; j < runbook.sections.length && runbook.sections[j]!.level > section.level; j++) {
        const child = runbook.sections[j]!;
        if (child.symptoms.length > 0 && child.level === section.level + 1) text += `\n${child.symptoms.join('\n')}`;
      }
      return text;
    });
  },
};

/** A heading of a random level, titled as a scenario, a symptoms list or a procedure, with or without a list under it. */
const block = fc.record({
  level: fc.integer({ min: 1, max: 5 }),
  title: fc.constantFrom('Symptoms', 'Diagnose', 'Scenario', 'Recover', 'Book'),
  body: fc.constantFrom('', '- [ ] restart the api\n', 'Symptoms: api is down\n', '- api is down\n- queue backs up\n', '1. look at the logs\n'),
});

const markdown = fc.record({ preamble: fc.boolean(), blocks: fc.array(block, { maxLength: 25 }) }).map(({ preamble, blocks }) =>
  `${preamble ? 'Some text before any heading.\n\n' : ''}${blocks.map((b, i) => `${'#'.repeat(b.level)} ${b.title}${i % 3 === 0 ? '' : ` ${i}`}\n\n${b.body}`).join('\n')}`,
);

test('the heading tree answers as walking the sections did, for runbooks of any heading shape', () => {
  fc.assert(
    fc.property(markdown, (source) => {
      const runbook = parseRunbook(source, 'shapes.md');
      assert.deepEqual(sectionMatchTexts(runbook), walk.texts(runbook));
      runbook.sections.forEach((_, i) => {
        assert.equal(parentOf(runbook, i), walk.parentOf(runbook, i), `parent of ${i}`);
        assert.deepEqual(sectionSymptoms(runbook, i), walk.symptoms(runbook, i), `symptoms of ${i}`);
        assert.equal(hasStepsWithin(runbook, i), walk.stepsWithin(runbook, i), `steps within ${i}`);
        const parent = walk.parentOf(runbook, i);
        if (parent >= 0 && !(runbook.sections[parent]!.level === 1 && runbook.sections[parent]!.title === runbook.title)) assert.match(sectionLabel(runbook, i), / › /);
      });
      assert.equal(parentOf(runbook, runbook.sections.length), -1);
      assert.equal(hasStepsWithin(runbook, runbook.sections.length), false);
    }),
    { numRuns: 300 },
  );
});
