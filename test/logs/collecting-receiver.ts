// A LineReceiver that collects what a source delivers, for the source tests.
import { LineSplitter } from '../../src/text/line-splitter.js';
import type { LineReceiver, SourceState } from '../../src/logs/source.js';

/** What a source delivered, plus the receiver to hand it. */
export interface Collected {
  lines: string[];
  errors: string[];
  states: Array<{ state: SourceState; detail?: string }>;
  receiver: LineReceiver;
}

/** Builds a collecting receiver. */
export function collectingReceiver(): Collected {
  const lines: string[] = [];
  const errors: string[] = [];
  const states: Collected['states'] = [];
  let splitter = new LineSplitter((line) => lines.push(line));
  return {
    lines,
    errors,
    states,
    receiver: {
      bytes: (chunk) => splitter.push(chunk),
      restartBytes: () => {
        splitter.flush();
        splitter = new LineSplitter((line) => lines.push(line));
      },
      line: (text) => lines.push(text),
      error: (text) => errors.push(text),
      state: (state, detail) => states.push({ state, detail }),
    },
  };
}
