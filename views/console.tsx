// Runs the Ink console on the real terminal: alternate screen in, and out again on every way
// out (q, Ctrl-C, SIGTERM/SIGHUP, an uncaught error), so the user's shell is never left in raw
// mode, without a cursor, or on the alternate screen.
import React from 'react';
import { render, type RenderOptions } from 'ink';
import type { Severity } from '../src/config/types.js';
import { observeRender } from '../src/selfmetrics/record.js';
import { guardedStream } from '../src/text/frame-guard.js';
import type { WarroomStore } from '../src/store/store.js';
import { detectColourSupport } from '../src/terminal/colour-support.js';
import { App } from './App.js';
import { KeyDispatcher } from './keys/dispatcher.js';
import { PANE_REGISTRY } from './panes/registry.js';
import { StoreProvider } from './store-context.js';
import { createTheme } from './theme/theme.js';
import { ThemeProvider } from './theme/use-theme.js';

const ENTER_ALT_SCREEN = '\x1b[?1049h\x1b[H';
const LEAVE_ALT_SCREEN = '\x1b[?1049l';
// Bracketed paste: the terminal marks pasted text, so a paste is text and never keys (a pasted
// line break must not submit a prompt). Terminals without it send the text as typed.
const BRACKETED_PASTE_ON = '\x1b[?2004h';
const BRACKETED_PASTE_OFF = '\x1b[?2004l';
const SHOW_CURSOR = '\x1b[?25h';

/** What the console needs from the launcher. */
export interface ConsoleOptions {
  store: WarroomStore;
  responseTargets: Record<Severity, number>;
  /** Frames per second at most. @default 60 */
  maxFps?: number;
  /** Aborting it closes the console (ending as 'error'): the launcher's way out when the engine cannot start. */
  signal?: AbortSignal;
  /** Ctrl-C was pressed while the console loaded: it quits as soon as it is up. */
  interrupted?: boolean;
}

/**
 * The Ink options the console renders with. Each frame Ink produces (one render pass after a
 * store change, at most `maxFps` a second) is counted for `--metrics-port`, with Ink's own
 * measure of it: the time to turn the laid-out tree into the frame's text. React's reconcile
 * and the terminal write are not in it (Ink throttles the write separately).
 */
export function consoleRenderOptions(maxFps = 60): RenderOptions {
  return {
    exitOnCtrlC: false,
    patchConsole: false,
    maxFps,
    // Only the cells that changed are written (Ink's incremental mode, taken to the cell by
    // patches/ink+6.8.0.patch): a console frame differs from the last by a few cells, and over
    // SSH, tmux or a shared screen every byte written is carried again.
    incrementalRendering: true,
    // The console owns the (alternate) screen: after a resize it is cleared and drawn afresh.
    clearOnResize: true,
    // The frame starts on the screen's top row (the alternate screen, cursor home): rows that
    // moved together, the logs' when lines arrive, are scrolled by the terminal where that writes
    // less than redrawing them (patches/ink+6.8.0.patch, scroll-plan.js).
    scrollRegions: true,
    onRender: ({ renderTime }) => observeRender(renderTime),
  };
}

/** Shows the console until the user quits or a signal arrives; resolves with the reason. */
export async function runConsole(options: ConsoleOptions): Promise<'quit' | 'signal' | 'error'> {
  const { stdout, stdin } = process;
  let restored = false;
  let terminalGone = false;
  // Each step on its own: after a hang-up the terminal answers EIO, and one failing step must
  // not keep the others (or the engine's shutdown) from running.
  const restore = () => {
    if (restored) return;
    restored = true;
    if (terminalGone) return;
    try {
      if (stdin.isTTY) stdin.setRawMode(false);
    } catch {
      // terminal already gone
    }
    try {
      stdout.write(BRACKETED_PASTE_OFF + LEAVE_ALT_SCREEN + SHOW_CURSOR);
    } catch {
      // terminal already gone
    }
  };
  stdout.write(ENTER_ALT_SCREEN + BRACKETED_PASTE_ON);

  return new Promise((resolve) => {
    let reason: 'quit' | 'signal' | 'error' = 'quit';
    const finish = (why: typeof reason) => {
      reason = why;
      instance.unmount();
    };
    const onSignal = () => finish('signal');
    // SIGINT: Ctrl-C before the keyboard is in raw mode (the first frame is drawn before the key
    // reader starts), or \`kill -INT\`. It quits as the key does; without a handler Node would die
    // on the spot, leaving the timeline without the operator leaving and the engine unstopped.
    const onInterrupt = () => finish('quit');
    // SIGHUP: the SSH session or tmux pane is gone; nothing can be drawn or restored any more.
    const onHangup = () => {
      terminalGone = true;
      finish('signal');
    };
    const onTerminalError = () => onHangup();
    const onError = (error: unknown) => {
      restore();
      process.stderr.write(`warroom: unexpected error: ${error instanceof Error ? error.stack : String(error)}\n`);
      finish('error');
    };
    // The launcher closing the console (its engine could not start).
    const onAbort = () => finish('error');
    process.on('SIGTERM', onSignal);
    process.on('SIGHUP', onHangup);
    process.on('SIGINT', onInterrupt);
    stdout.on('error', onTerminalError);
    stdin.on('error', onTerminalError);
    process.on('uncaughtException', onError);
    process.on('exit', restore);

    // The same detection chalk was loaded with (src/cli/views-loading.ts), from the same environment.
    const theme = createTheme(detectColourSupport(process.env, stdout.isTTY === true).depth);
    const instance = render(
      <StoreProvider store={options.store}>
        <ThemeProvider theme={theme}>
          <KeyDispatcher store={options.store} panes={PANE_REGISTRY}>
            <App responseTargets={options.responseTargets} onQuit={() => finish('quit')} />
          </KeyDispatcher>
        </ThemeProvider>
      </StoreProvider>,
      // Ink writes through the frame guard: no OSC (title, clipboard) or stray control from any
      // text a view shows can reach the terminal, whatever a source forgot.
      { ...consoleRenderOptions(options.maxFps), stdout: guardedStream(stdout) },
    );
    if (options.signal?.aborted) onAbort();
    else options.signal?.addEventListener('abort', onAbort, { once: true });
    if (options.interrupted) onInterrupt();
    void instance.waitUntilExit().then(() => {
      options.signal?.removeEventListener('abort', onAbort);
      // After a signal the engine is still shutting down and the timeline not yet closed: a
      // second SIGHUP (the shell around us hanging up too) or a dead-terminal error must not
      // kill the process before then. The CLI exits on its own once everything is on disk.
      if (reason === 'quit') {
        process.off('SIGTERM', onSignal);
        process.off('SIGHUP', onHangup);
        process.off('SIGINT', onInterrupt);
        stdout.off('error', onTerminalError);
        stdin.off('error', onTerminalError);
      }
      process.off('uncaughtException', onError);
      restore();
      resolve(reason);
    });
  });
}
