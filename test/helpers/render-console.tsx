import React from 'react';
import { render } from 'ink-testing-library';
import { createWarroomStore, type WarroomStore } from '../../src/store/store.js';
import { App } from '../../views/App.js';
import { KeyDispatcher } from '../../views/keys/dispatcher.js';
import type { PaneRegistry } from '../../views/panes/pane-entry.js';
import { PANE_REGISTRY } from '../../views/panes/registry.js';
import { StoreProvider } from '../../views/store-context.js';
import { waitFor } from './wait-for.js';

/** Key sequences as a terminal sends them. */
export const KEYS = {
  tab: '\t',
  shiftTab: '\x1b[Z',
  enter: '\r',
  escape: '\x1b',
  up: '\x1b[A',
  down: '\x1b[B',
  pageUp: '\x1b[5~',
  pageDown: '\x1b[6~',
  ctrlC: '\x03',
  backspace: '\x7f',
  /** `text` as a terminal with bracketed paste sends a paste. */
  paste: (text: string) => `\x1b[200~${text}\x1b[201~`,
};

const TARGETS = { P0: 900_000, P1: 900_000, P2: 3_600_000, P3: 14_400_000, P4: 86_400_000 };

/** Renders the whole console on a fresh (or given) store at a fixed size, on the real pane registry or `panes`. */
export function renderConsole(options: { columns?: number; rows?: number; store?: WarroomStore; panes?: PaneRegistry } = {}) {
  const store = options.store ?? createWarroomStore();
  let quits = 0;
  const size = { columns: options.columns ?? 120, rows: options.rows ?? 40 };
  const tree = (
    <StoreProvider store={store}>
      <KeyDispatcher store={store} panes={options.panes ?? PANE_REGISTRY}>
        <App responseTargets={TARGETS} onQuit={() => quits++} size={size} />
      </KeyDispatcher>
    </StoreProvider>
  );
  const ui = render(tree);
  // ink-testing-library's stdout is 100 columns wide and Ink clips to it: widen it to the size asked.
  Object.defineProperty(ui.stdout, 'columns', { value: size.columns });
  Object.defineProperty(ui.stdout, 'rows', { value: size.rows });
  ui.rerender(tree);
  return {
    store,
    ...ui,
    quits: () => quits,
    /** Writes keys and waits for a frame matching `expect` (frames update after a macrotask). */
    async press(keys: string, expect?: (frame: string) => boolean) {
      ui.stdin.write(keys);
      if (expect) await waitFor(() => expect(ui.lastFrame() ?? ''), { what: `frame after ${JSON.stringify(keys)}` });
      else await new Promise((resolve) => setImmediate(resolve));
    },
    frame: () => ui.lastFrame() ?? '',
  };
}
