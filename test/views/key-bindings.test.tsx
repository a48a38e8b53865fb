// Every binding of the key table has a handler in the console, and every handler a binding (the
// second half is also the type of useCommands: an id outside the table does not compile).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import React from 'react';
import { render } from 'ink-testing-library';
import { KEYMAP, type CommandId } from '../../src/keys/keymap.js';
import { createWarroomStore } from '../../src/store/store.js';
import { App } from '../../views/App.js';
import { KeyDispatcher, useHandledCommands } from '../../views/keys/dispatcher.js';
import { PANE_REGISTRY } from '../../views/panes/registry.js';
import { StoreProvider } from '../../views/store-context.js';
import { waitFor } from '../helpers/wait-for.js';

const TARGETS = { P0: 900_000, P1: 900_000, P2: 3_600_000, P3: 14_400_000, P4: 86_400_000 };

test('every key binding has a handler once its pane is focused, and every handler is bound', async () => {
  const store = createWarroomStore();
  let handled: () => CommandId[] = () => [];
  function Probe() {
    handled = useHandledCommands();
    return null;
  }
  const ui = render(
    <StoreProvider store={store}>
      <KeyDispatcher store={store} panes={PANE_REGISTRY}>
        <App responseTargets={TARGETS} onQuit={() => {}} size={{ columns: 120, rows: 40 }} />
        <Probe />
      </KeyDispatcher>
    </StoreProvider>,
  );
  const seen = new Set<CommandId>();
  const panes = [
    { focus: 'status', timeline: false, alerts: false },
    { focus: 'logs', timeline: false, alerts: false },
    { focus: 'metrics', timeline: false, alerts: false },
    { focus: 'runbook', timeline: false, alerts: false },
    { focus: 'logs', timeline: true, alerts: false },
    { focus: 'alerts', timeline: false, alerts: true },
  ] as const;
  for (const pane of panes) {
    store.getState().focusPane(pane.focus);
    store.getState().showInSlot('logs', pane.timeline ? 'timeline' : null);
    store.getState().showInSlot('status', pane.alerts ? 'alerts' : null);
    // Handlers register in effects after the frame: wait until the focused pane's own are in.
    const scope = pane.timeline ? 'timeline' : pane.focus;
    const own = KEYMAP.filter((binding) => binding.scope === scope).map((binding) => binding.command);
    await waitFor(() => own.some((id) => handled().includes(id)), { what: `${scope} handlers registered` });
    for (const id of handled()) seen.add(id);
  }
  ui.unmount();

  // The output view's keys (scope output) go to its own handler table, whose type is the list of
  // those commands (RunOutputOverlay.tsx): one missing does not compile.
  const bound = new Set(KEYMAP.filter((binding) => binding.scope !== 'output').map((binding) => binding.command));
  assert.deepEqual([...bound].filter((id) => !seen.has(id)).sort(), [], 'bindings with no handler');
  assert.deepEqual([...seen].filter((id) => !bound.has(id)).sort(), [], 'handlers with no binding');
});
