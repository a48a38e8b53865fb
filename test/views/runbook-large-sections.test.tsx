// Sections too long for a pane (runbooks of 1-2 MB parse into them): the pane makes rows for the
// steps, commands and table rows around the cursor and counts the rest on a row of its own, so a
// key never waits for 90,000 rows to be laid out; moving the cursor brings the rest in.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { MemoryRecorder } from '../helpers/memory-recorder.js';
import { RunbookController } from '../../src/runbooks/controller.js';
import { parseRunbook } from '../../src/runbooks/parse.js';
import { createWarroomStore } from '../../src/store/store.js';
import { COMMANDS_AROUND, ROWS_AROUND, sectionRows, visibleWindow } from '../../views/runbook/rows.js';
import { renderConsole } from '../helpers/render-console.js';
import { waitFor } from '../helpers/wait-for.js';
import { RecordingExecutor } from '../helpers/recording-executor.js';

const mounted: { unmount: () => void }[] = [];
after(() => mounted.forEach((ui) => ui.unmount()));

const manySteps = (count: number) => `# Rotate every key\n\n${Array.from({ length: count }, (_, i) => `- [ ] Rotate key ${i}`).join('\n')}\n`;
const manyCommands = (count: number) => `# Drain\n\n1. Drain every node\n\n   \`\`\`sh\n${Array.from({ length: count }, (_, i) => `   # node ${i} first\n   drain node-${i}`).join('\n')}\n   \`\`\`\n`;
const bigTable = (count: number) => `# Owners\n\n| service | owner |\n|---|---|\n${Array.from({ length: count }, (_, i) => `| svc-${i} | team-${i} |`).join('\n')}\n`;

const texts = (rows: { text: string }[]) => rows.map((r) => r.text);

test('a section of 5,000 steps: the steps around the cursor, and how many are above and below', () => {
  const section = parseRunbook(manySteps(5000), 'keys.md').sections[0]!;
  assert.equal(section.steps.length, 5000);
  const atStart = sectionRows(section, {}, { section: 0, step: 0, command: -1 }, undefined, [], 100);
  assert.equal(atStart[0]!.text, '› [ ] Rotate key 0');
  assert.equal(atStart.at(-1)!.text, `  ⋯ ${(5000 - ROWS_AROUND - 1).toLocaleString('en-US')} more steps (j moves down to them)`);
  assert.ok(atStart.length < 2 * ROWS_AROUND + 3, `${atStart.length} rows`);

  const middle = sectionRows(section, {}, { section: 0, step: 2500, command: -1 }, undefined, [], 100);
  assert.equal(middle[0]!.text, `  ⋯ ${(2500 - ROWS_AROUND).toLocaleString('en-US')} steps above (k moves up to them)`);
  assert.equal(middle.at(-1)!.text, `  ⋯ ${(5000 - 2500 - ROWS_AROUND - 1).toLocaleString('en-US')} more steps (j moves down to them)`);
  // What a pane of any height up to a tall terminal's shows: the cursor's step among its neighbours, in order.
  for (const height of [10, 40, 120]) {
    const shown = texts(visibleWindow(middle, height));
    const at = shown.indexOf('› [ ] Rotate key 2500');
    assert.ok(at >= 0, `the cursor's step shows in a pane ${height} rows high`);
    shown.forEach((text, i) => assert.equal(text, `${i === at ? '›' : ' '} [ ] Rotate key ${2500 - at + i}`));
  }

  const atEnd = sectionRows(section, {}, { section: 0, step: 4999, command: -1 }, undefined, [], 100);
  assert.equal(atEnd.at(-1)!.text, '› [ ] Rotate key 4999');
  assert.match(atEnd[0]!.text, /^ {2}⋯ 4,699 steps above/);
});

test('a step of 3,000 commands, each with its comment: the commands around the one picked, in order with what they are for', () => {
  const section = parseRunbook(manyCommands(3000), 'drain.md').sections[0]!;
  const step = section.steps[0]!;
  assert.equal(step.commands.length, 3000);
  assert.equal(step.commands[1500]!.description, 'node 1500 first');
  const rows = texts(sectionRows(section, {}, { section: 0, step: 0, command: 1500 }, undefined, [], 100));
  assert.equal(rows[0], '› [ ] Drain every node'.replace('›', ' '));
  assert.equal(rows[1], `    ⋯ ${(1500 - COMMANDS_AROUND).toLocaleString('en-US')} commands above (j/k move through them)`);
  const picked = rows.indexOf('    › $ drain node-1500');
  assert.ok(picked > 0, 'the picked command shows');
  assert.equal(rows[picked - 1], '      # node 1500 first', 'what it is for, just above it');
  assert.equal(rows[picked + 2], '    › $ drain node-1501'.replace('›', ' '));
  assert.equal(rows.at(-1), `    ⋯ ${(3000 - 1500 - COMMANDS_AROUND - 1).toLocaleString('en-US')} more commands (j moves through them)`);
  assert.ok(rows.length < 5 * ROWS_AROUND, `${rows.length} rows`);
});

test('a table of 20,000 rows: its first rows, and a row saying how many more there are and where', () => {
  const section = parseRunbook(bigTable(20_000), 'owners.md').sections[0]!;
  assert.equal(section.tables[0]!.rows.length, 20_000);
  for (const width of [100, 20]) {
    const rows = texts(sectionRows(section, {}, { section: 0, step: 0, command: -1 }, undefined, [], width));
    assert.match(rows.join('\n'), /svc-0\b/);
    assert.doesNotMatch(rows.join('\n'), new RegExp(`svc-${ROWS_AROUND}\\b`));
    // Wrapped like any row at a narrow pane.
    const marker = rows.findIndex((text) => text.startsWith('  ⋯'));
    assert.equal(rows.slice(marker).map((text) => text.trim()).join(' '), `⋯ ${(20_000 - ROWS_AROUND).toLocaleString('en-US')} more rows (the table at line 3; \`warroom runbook FILE --json\` lists them all)`);
  }
});

test('200 steps of 1,500 characters: rows are made outward from the cursor\'s step until 300 wrapped rows are made on each side', () => {
  const long = (i: number) => Array.from({ length: 190 }, (_, k) => `word${(k * 7 + i) % 997}`).join(' ');
  const section = parseRunbook(`# Long steps\n\n${Array.from({ length: 200 }, (_, i) => `- [ ] ${i} ${long(i)}`).join('\n')}\n`, 'long.md').sections[0]!;
  const rows = texts(sectionRows(section, {}, { section: 0, step: 100, command: -1 }, undefined, [], 100));
  const selected = rows.findIndex((text) => text.startsWith('› [ ] 100 word'));
  assert.ok(selected >= ROWS_AROUND && selected < ROWS_AROUND + 20, `the cursor's step after ${selected} rows`);
  assert.match(rows[0]!, /^ {2}⋯ \d+ steps above \(k moves up to them\)$/);
  assert.match(rows.at(-1)!, /^ {2}⋯ \d+ more steps \(j moves down to them\)$/);
  const above = Number(/⋯ (\d+)/.exec(rows[0]!)![1]);
  const below = Number(/⋯ (\d+)/.exec(rows.at(-1)!)![1]);
  // Every step is shown or counted, in order.
  const shown = rows.filter((text) => /^[ ›] \[ \] \d+ word/.test(text)).map((text) => Number(/\] (\d+)/.exec(text)![1]));
  assert.deepEqual(shown, Array.from({ length: 200 - above - below }, (_, i) => above + i));
  assert.ok(rows.length < 2 * ROWS_AROUND + 60, `${rows.length} rows`);
});

test('in the console: j walks a section of 2,000 steps past the rows first made, the header counting them all', async () => {
  const store = createWarroomStore();
  store.getState().focusPane('runbook');
  const ui = renderConsole({ columns: 120, rows: 40, store });
  mounted.push(ui);
  const controller = new RunbookController({ store: ui.store, recorder: new MemoryRecorder(), executor: new RecordingExecutor(), env: {} });
  controller.attach();
  controller.show(parseRunbook(manySteps(2000), 'keys.md'), []);
  await waitFor(() => ui.frame().includes('› [ ] Rotate key 0'), { what: 'the first step under the cursor' });
  assert.match(ui.frame(), /0\/2000 done/);
  // Past the first window of rows: the cursor's step is made into rows as it comes.
  for (let i = 1; i <= ROWS_AROUND + 20; i++) await ui.press('j', (f) => f.includes(`› [ ] Rotate key ${i}`));
  // Space checks it off; the cursor goes to the first open step, at the top again.
  await ui.press(' ', (f) => f.includes('1/2000 done') && f.includes('› [ ] Rotate key 0'));
  for (let i = 1; i <= 3; i++) await ui.press('j', (f) => f.includes(`› [ ] Rotate key ${i}`));
});

test('a list of 45,000 symptoms: the first 20 on the section\'s first row, the rest counted', () => {
  const runbook = parseRunbook(`# Outage\n\n## Symptoms\n\n${Array.from({ length: 45_000 }, (_, i) => `- symptom ${i}`).join('\n')}\n`, 'outage.md');
  const section = runbook.sections[1]!;
  assert.equal(section.symptoms.length, 45_000);
  const [first] = sectionRows(section, {}, { section: 1, step: 0, command: -1 }, undefined, section.symptoms, 400);
  assert.equal(first!.text, `  Symptoms: ${Array.from({ length: 20 }, (_, i) => `symptom ${i}`).join('; ')}; … (+44980 more)`);
});
