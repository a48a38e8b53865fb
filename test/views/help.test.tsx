// The `?` overlay: complete (every key of the key table, every `:` command the console
// registers), laid out by measuring (nothing cut at any width, columns never collide), and
// scrollable. Found broken: "54 more lines: widen the terminal" at 80x24 with no way to scroll,
// the command list cut at 120x40, a fixed 46-column left column colliding with the right one at
// 200 columns, `:status-update` and `:quit` missing.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import React from 'react';
import { render } from 'ink-testing-library';
import stringWidth from 'string-width';
import { COLON_COMMANDS, KEYMAP, keyLabel } from '../../src/keys/keymap.js';
import { createWarroomStore } from '../../src/store/store.js';
import { App } from '../../views/App.js';
import { helpSections } from '../../views/help/help-content.js';
import { layoutHelp, helpColumns } from '../../views/help/help-layout.js';
import { KeyDispatcher, useColonNames } from '../../views/keys/dispatcher.js';
import { PANE_REGISTRY } from '../../views/panes/registry.js';
import { StoreProvider } from '../../views/store-context.js';
import { KEYS, renderConsole } from '../helpers/render-console.js';
import { waitFor } from '../helpers/wait-for.js';

const TARGETS = { P0: 900_000, P1: 900_000, P2: 3_600_000, P3: 14_400_000, P4: 86_400_000 };

/** Every help row's text, read by scrolling the overlay from top to end. */
async function readWholeHelp(ui: ReturnType<typeof renderConsole>): Promise<string[]> {
  await ui.press('?', (f) => f.includes('Help: keys and : commands'));
  await ui.press('g', (f) => /lines 1–|all shown/.test(f));
  const seen: string[] = [];
  for (let page = 0; page < 50; page++) {
    const frame = ui.frame();
    seen.push(...frame.split('\n'));
    if (/all shown| · end/.test(frame)) return seen;
    const position = /lines (\d+)–/.exec(frame)![1];
    await ui.press(KEYS.pageDown, (f) => /lines (\d+)–/.exec(f)?.[1] !== position);
  }
  throw new Error('help never reached its end');
}

test('every : command the console registers is in help, and every one help lists is registered', async () => {
  let names: (() => string[]) | undefined;
  function Probe() {
    names = useColonNames();
    return null;
  }
  const store = createWarroomStore();
  const ui = render(
    <StoreProvider store={store}>
      <KeyDispatcher store={store} panes={PANE_REGISTRY}>
        <App responseTargets={TARGETS} onQuit={() => undefined} size={{ columns: 120, rows: 40 }} />
        <Probe />
      </KeyDispatcher>
    </StoreProvider>,
  );
  await waitFor(() => (names?.().length ?? 0) > 0, { what: 'the : commands registered' });
  const registered = names!();
  const help = helpSections(PANE_REGISTRY).flatMap((s) => s.entries.map((e) => e.keys)).join('\n');
  for (const name of registered) assert.match(help, new RegExp(`(^|[\\s,]):${name}(\\s|,|$)`, 'm'), `:${name} works but help does not list it`);
  assert.ok(registered.includes('status-update') && registered.includes('quit'), 'the two found missing are registered');
  for (const command of COLON_COMMANDS) assert.ok(registered.includes(command.name), `help lists :${command.name} but nothing handles it`);
  ui.unmount();
});

test('help holds every binding of the key table, with its keys', () => {
  const entries = helpSections(PANE_REGISTRY).flatMap((s) => s.entries);
  for (const binding of KEYMAP) {
    const keys = binding.keys.map(keyLabel).join('/');
    assert.ok(entries.some((e) => e.keys === keys && e.text.startsWith(binding.description)), `${keys} (${binding.description}) missing`);
  }
});

test("README's run output row names every key of the output view, as help does", () => {
  const row = readFileSync(new URL('../../README.md', import.meta.url), 'utf8').split('\n').find((line) => line.startsWith('| run output'));
  assert.ok(row, 'the README has a run output row');
  // How the README writes what help writes as C-c and arrows.
  const readme: Record<string, string> = { 'C-c': 'Ctrl-C', '↓': 'arrows', '↑': 'arrows' };
  for (const binding of KEYMAP.filter((b) => b.scope === 'output')) {
    for (const key of binding.keys.map(keyLabel)) assert.ok(row.includes(readme[key] ?? `\`${key}\``), `${key} (${binding.description}) not in the README's row:\n${row}`);
  }
});

for (const width of [36, 76, 116, 196]) {
  test(`help laid out ${width} wide: rows fit exactly, nothing is cut, columns never collide`, () => {
    const sections = helpSections(PANE_REGISTRY);
    const rows = layoutHelp(sections, width);
    const columns = helpColumns(width, sections.length);
    for (const row of rows) assert.ok(stringWidth(row.map((p) => p.text).join('')) <= width, 'a row wider than the overlay');
    // Read each column top to bottom: every description appears whole (wrapped, never cut).
    const columnText: string[] = Array.from({ length: columns.count }, () => '');
    for (const row of rows) {
      let at = 0;
      let column = 0;
      for (const piece of row) {
        if (piece.kind === 'text' || piece.kind === 'keys' || piece.kind === 'title') columnText[column] += ` ${piece.text}`;
        at += stringWidth(piece.text);
        column = Math.min(columns.count - 1, Math.floor(at / (columns.width + 3)));
      }
    }
    const squeezed = columnText.map((text) => text.replace(/\s+/g, ' ')).join(' | ');
    for (const entry of sections.flatMap((s) => s.entries)) {
      assert.ok(squeezed.includes(entry.text.replace(/\s+/g, ' ')), `"${entry.text}" is not whole at ${width}`);
      assert.ok(squeezed.includes(entry.keys), `"${entry.keys}" is not whole at ${width}`);
    }
    assert.ok(!squeezed.includes('…'), 'nothing is cut with an ellipsis');
  });
}

test('80x24: help scrolls with j/k, arrows, PgDn/PgUp and g/G, and says where it is', async () => {
  const ui = renderConsole({ columns: 80, rows: 24 });
  await ui.press('?', (f) => /lines 1–\d+ of \d+ · ↓ \d+ more/.test(f));
  const total = Number(/of (\d+)/.exec(ui.frame())![1]);
  assert.ok(total > 24, 'taller than the screen at 80x24');
  await ui.press('j', (f) => f.includes('lines 2–'));
  await ui.press(KEYS.down, (f) => f.includes('lines 3–'));
  await ui.press('k', (f) => f.includes('lines 2–'));
  await ui.press(KEYS.up, (f) => f.includes('lines 1–'));
  await ui.press(KEYS.pageDown, (f) => /lines (\d+)–/.exec(f)?.[1] !== '1' && f.includes('↑'));
  await ui.press(KEYS.pageUp, (f) => f.includes('lines 1–'));
  await ui.press('G', (f) => f.includes(' · end') && f.includes(':quit'));
  await ui.press('g', (f) => f.includes('lines 1–') && f.includes('Anywhere'));
  // Every other key is the overlay's: it does not reach the console behind it.
  await ui.press('2');
  assert.equal(ui.store.getState().focus, 'status');
  await ui.press('q', (f) => !f.includes('Help: keys'));
  assert.equal(ui.quits(), 0, 'q closed help, it did not quit');
  ui.unmount();
});

for (const [columns, rows] of [[80, 24], [120, 40], [200, 50]] as const) {
  test(`${columns}x${rows}: scrolling through help shows every key and : command`, async () => {
    const ui = renderConsole({ columns, rows });
    const seen = (await readWholeHelp(ui)).join('\n');
    for (const command of COLON_COMMANDS) assert.ok(seen.includes(command.usage), `${command.usage} never shown at ${columns}x${rows}`);
    for (const line of seen.split('\n')) assert.ok(stringWidth(line) <= columns, 'no line wider than the terminal');
    assert.ok(!seen.includes('widen the terminal'));
    ui.unmount();
  });
}
