// Hands the console one input event at a time, in order. After an event that can change who
// listens (a key outside a text field, Enter, Esc…) the next one waits until that change is
// drawn; keys typed into a text field follow each other at once (the field edits its latest
// text). A paste whose end marker never comes is ended after a quiet moment.
import { TerminalInput, type InputEvent } from './terminal-input.js';

/** After delivering an event: go on with the next at once, or wait for the console to settle. */
export type Delivery = 'next' | 'wait';

/**
 * An input event and the read it came in: events that arrived together (in one tick, which is
 * how Ink hands over one read of the terminal) share a number; later reads have larger ones.
 */
export type ReadEvent = InputEvent & { read: number };

/** How long a started paste may go without input before it is taken as ended (its end lost). */
const PASTE_QUIET_MS = 1000;

/** The queue between the terminal's reads and the console's key handlers. */
export class InputPump {
  private readonly input = new TerminalInput();
  private readonly queue: ReadEvent[] = [];
  private read = 0;
  private inRead = false;
  private waiting = false;
  private stopped = false;
  private pasteTimer: NodeJS.Timeout | undefined;

  /**
   * @param deliver handles one event and says whether the next may follow at once
   * @param settle calls back once the console has drawn what the events so far changed
   */
  constructor(
    private readonly deliver: (event: ReadEvent) => Delivery,
    private readonly settle: (then: () => void) => void,
  ) {}

  /** The number of the latest read received (delivered or still queued). */
  get lastRead(): number {
    return this.read;
  }

  /** Takes one of Ink's raw input events. */
  push(raw: string): void {
    if (this.stopped) return;
    if (!this.inRead) {
      this.read += 1;
      this.inRead = true;
      queueMicrotask(() => (this.inRead = false));
    }
    this.enqueue(this.input.push(raw));
    clearTimeout(this.pasteTimer);
    if (this.input.inPaste) {
      this.pasteTimer = setTimeout(() => {
        this.enqueue(this.input.endPaste());
        this.run();
      }, PASTE_QUIET_MS);
      this.pasteTimer.unref();
    }
    this.run();
  }

  private enqueue(events: InputEvent[]): void {
    for (const event of events) this.queue.push({ ...event, read: this.read });
  }

  /** Drops what is queued; nothing is delivered after this. */
  stop(): void {
    this.stopped = true;
    this.queue.length = 0;
    clearTimeout(this.pasteTimer);
  }

  private run(): void {
    while (!this.waiting && !this.stopped && this.queue.length > 0) {
      const event = this.queue.shift()!;
      if (this.deliver(event) === 'wait') {
        this.waiting = true;
        this.settle(() => {
          this.waiting = false;
          this.run();
        });
      }
    }
  }
}
