// Render frames and their duration are fed by the console's own Ink options: the whole console
// rendered by real Ink with the options runConsole uses, to a fake terminal, and each store
// change that draws a frame shows up on the served /metrics page.
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { after, before, test } from 'node:test';
import React from 'react';
import { render } from 'ink';
import { createWarroomStore } from '../../src/store/store.js';
import { App } from '../../views/App.js';
import { consoleRenderOptions } from '../../views/console.js';
import { KeyDispatcher } from '../../views/keys/dispatcher.js';
import { PANE_REGISTRY } from '../../views/panes/registry.js';
import { StoreProvider } from '../../views/store-context.js';
import { waitFor } from '../helpers/wait-for.js';
import { serveForTest, type SelfScrape } from './self-scrape.js';

/** A terminal of a fixed size that keeps what is written to it. */
class FakeStdout extends EventEmitter {
  readonly columns = 120;
  readonly rows = 40;
  readonly isTTY = true;
  writes = 0;
  write = (): boolean => {
    this.writes++;
    return true;
  };
}

/** Keyboard input that never types (the console only needs raw mode to be accepted). */
class FakeStdin extends EventEmitter {
  readonly isTTY = true;
  setEncoding(): void {}
  setRawMode(): void {}
  resume(): void {}
  pause(): void {}
  ref(): void {}
  unref(): void {}
  read(): null {
    return null;
  }
}

const TARGETS = { P0: 900_000, P1: 900_000, P2: 3_600_000, P3: 14_400_000, P4: 86_400_000 };

let self: SelfScrape;
before(async () => (self = await serveForTest()));
after(() => self.close());

test('every frame the console renders is counted, with its render time', async () => {
  const store = createWarroomStore();
  const before = await self.scrape();
  const framesBefore = before('warroom_render_frames_total') ?? 0;
  const stdout = new FakeStdout();
  const instance = render(
    <StoreProvider store={store}>
      <KeyDispatcher store={store} panes={PANE_REGISTRY}>
        <App responseTargets={TARGETS} onQuit={() => undefined} />
      </KeyDispatcher>
    </StoreProvider>,
    { ...consoleRenderOptions(20), stdout: stdout as unknown as NodeJS.WriteStream, stdin: stdin() },
  );
  try {
    await waitFor(async () => ((await self.scrape())('warroom_render_frames_total') ?? 0) > framesBefore, { what: 'the first frame counted' });
    const first = (await self.scrape())('warroom_render_frames_total') ?? 0;
    // A change on screen is a new frame.
    store.getState().setIncident({ title: 'Checkout returning 5xx' });
    await waitFor(async () => ((await self.scrape())('warroom_render_frames_total') ?? 0) > first, { what: 'a frame after a store change' });
  } finally {
    instance.unmount();
    instance.cleanup();
  }
  const after = await self.scrape();
  const frames = (after('warroom_render_frames_total') ?? 0) - framesBefore;
  assert.ok(frames >= 2, `frames counted: ${frames}`);
  const observed = (after('warroom_render_duration_seconds_count') ?? 0) - (before('warroom_render_duration_seconds_count') ?? 0);
  assert.equal(observed, frames, 'one duration per frame');
  const mean = ((after('warroom_render_duration_seconds_sum') ?? 0) - (before('warroom_render_duration_seconds_sum') ?? 0)) / frames;
  assert.ok(mean > 0 && mean < 1, `mean render time ${mean} s (seconds, not milliseconds)`);
  assert.ok(stdout.writes > 0, 'frames reached the terminal');
});

function stdin(): NodeJS.ReadStream {
  return new FakeStdin() as unknown as NodeJS.ReadStream;
}
