// One responder's laptop for the sharing tests: its own incident folder (its own journal) and a
// SharedIncident on it, with what sharing reported (statuses, warnings) kept for assertions.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ShareConfig } from '../../src/config/integration-types.js';
import { joinSharedIncident } from '../../src/share/join.js';
import { SharedIncident } from '../../src/share/shared-incident.js';
import type { ShareStatus } from '../../src/share/types.js';
import { createRedactor } from '../../src/text/redact.js';
import { isBookkeeping, sortByTime, type TimelineEvent } from '../../src/timeline/event.js';
import { JOURNAL_FILE, openIncident, resumeIncident } from '../../src/timeline/incidents.js';
import type { TimelineJournal } from '../../src/timeline/journal.js';

const redactor = createRedactor({ secrets: [], env: {} });

/** A console's journal and its part in the shared incident. */
export class Machine {
  readonly statuses: ShareStatus[] = [];
  readonly warnings: string[] = [];
  shared: SharedIncident | null = null;
  private mode = 'live';

  private constructor(
    readonly dir: string,
    readonly operator: string,
    readonly share: ShareConfig,
    public journal: TimelineJournal,
  ) {}

  /** A new incident on a new machine. */
  static open(share: ShareConfig, operator: string, title = 'checkout 5xx'): Machine {
    const dir = mkdtempSync(join(tmpdir(), `warroom-${operator}-`));
    return new Machine(dir, operator, share, openIncident(dir, { title, severity: 'P2', operator, redactor }));
  }

  /** A machine that has never seen incident `id`, joining it (history fetched from the stream). */
  static async join(share: ShareConfig, operator: string, id: string): Promise<Machine> {
    const dir = mkdtempSync(join(tmpdir(), `warroom-${operator}-`));
    return new Machine(dir, operator, share, await joinSharedIncident(share, dir, id, { operator, redactor }));
  }

  get id(): string {
    return this.journal.id;
  }

  /** The last status sharing reported. */
  get status(): ShareStatus | undefined {
    return this.statuses.at(-1);
  }

  /** Starts sharing on the current journal, in a console of `mode`. */
  startSharing(mode = 'live'): this {
    this.mode = mode;
    this.shared = new SharedIncident(this.share, this.journal, {
      status: (status) => this.statuses.push(status),
      warn: (message) => this.warnings.push(message),
    }, mode);
    this.journal.useSharedState(this.shared);
    this.shared.start();
    return this;
  }

  /** Records a note, durable before this returns (as the console does). */
  note(text: string): TimelineEvent {
    const event = this.journal.record('note', { text });
    if (!event) throw new Error(`note not saved: ${this.journal.health().error}`);
    return event;
  }

  /** The texts of the notes this journal holds, in timeline order. */
  notes(): string[] {
    return this.timeline().filter((e) => e.kind === 'note').map((e) => String(e.data.text));
  }

  /** The incident's events as this console orders them (time, then stream sequence). */
  timeline(): TimelineEvent[] {
    return sortByTime(this.journal.events().filter((e) => !isBookkeeping(e)));
  }

  /** How many lines of the journal FILE carry each event id (a duplicate written is a 2). */
  linesPerId(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const line of readFileSync(join(this.dir, this.id, JOURNAL_FILE), 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const id = (JSON.parse(line) as { id: string }).id;
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return counts;
  }

  /** Stops sharing and closes the journal (as quitting the console does). */
  async quit(): Promise<void> {
    this.journal.useSharedState(null);
    await this.shared?.stop();
    this.shared = null;
    this.journal.close();
  }

  /** Deletes the machine's incident folder (after quit). */
  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** Opens the same journal again (the console restarted) and shares it. */
  restart(): this {
    this.journal = resumeIncident(this.dir, this.id, { operator: this.operator, redactor });
    this.statuses.length = 0;
    return this.startSharing(this.mode);
  }
}
