// The dependency direction of docs/architecture.md holds: no cycles (type-only ones included), no
// import against the rules except the exceptions listed there, and no listed exception unused.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { allows, cruiseWithRules, explain, readExceptions } from './dependency-rules.js';

test('src/ and views/ import only along the written dependency direction', async () => {
  const result = await cruiseWithRules(['src', 'views']);
  const comments = new Map((result.summary.ruleSetUsed?.forbidden ?? []).map((rule) => [rule.name ?? '', rule.comment ?? '']));
  const exceptions = readExceptions();
  const violations = result.summary.violations;
  assert.ok(result.modules.length > 250, `the cruise saw only ${result.modules.length} modules: is the tsconfig still read?`);

  const broken = violations.filter((violation) => !exceptions.some((exception) => allows(exception, violation)));
  assert.equal(broken.length, 0, `${broken.length} import(s) break the dependency rules:\n\n${broken.map((v) => explain(v, comments)).join('\n\n')}\n`);

  const unused = exceptions.filter((exception) => !violations.some((violation) => allows(exception, violation)));
  assert.deepEqual(
    unused.map((e) => `${e.from} → ${e.to} (${e.rule})`),
    [],
    'these exceptions in docs/architecture.md no longer occur: delete their rows',
  );
});

test('the rules see type-only cycles through ESM .js specifiers (the tool reads TypeScript as written)', async () => {
  const result = await cruiseWithRules(['test/fixtures/architecture']);
  const cycles = result.summary.violations.filter((violation) => violation.rule.name === 'no-circular');
  assert.equal(cycles.length, 1, 'one cycle: shape.ts ⇄ holder.ts');
  const path = [cycles[0]!.from, ...(cycles[0]!.cycle ?? []).map((step) => step.name)];
  assert.deepEqual([...new Set(path)].sort(), ['test/fixtures/architecture/holder.ts', 'test/fixtures/architecture/shape.ts']);
  assert.equal(path[0], path.at(-1), 'the cycle closes on itself');
});

test('the exceptions table is read: every row names a rule that exists and gives a reason', async () => {
  const result = await cruiseWithRules(['src/mode']);
  const rules = new Set((result.summary.ruleSetUsed?.forbidden ?? []).map((rule) => rule.name));
  const exceptions = readExceptions();
  assert.ok(exceptions.length > 0);
  for (const exception of exceptions) {
    assert.ok(rules.has(exception.rule), `${exception.from} → ${exception.to}: no rule named ${exception.rule}`);
    assert.ok(exception.reason.length > 10, `${exception.from} → ${exception.to}: give the reason`);
  }
});
