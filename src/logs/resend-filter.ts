// A follow command that is restarted after its host came back (`tail -n 50 -F` over SSH,
// `journalctl -f`, `docker logs -f --tail`) sends its last lines again: shown again, they would
// be counted twice and inflate the error counts. The filter remembers the last lines a source
// passed on; after a reconnect it holds the incoming lines while they repeat the end of what it
// remembers, and drops them once they have reached that end. A line that breaks the repetition
// releases everything held: nothing that was not seen before is ever dropped.

/** Remembers a source's last lines and drops their repeat after a reconnect. */
export class ResendFilter {
  private readonly recent: string[] = [];
  /** Index in `recent` of the oldest line (it is a ring once full). */
  private start = 0;
  private resyncing = false;
  private held: string[] = [];
  /** Positions in the remembered tail (0 = oldest) where the held lines may start. */
  private candidates: number[] = [];
  /** Lines dropped as repeats so far. */
  dropped = 0;

  constructor(
    /** Lines remembered: at least as many as the source re-sends. */
    readonly keep: number,
  ) {}

  /** True while lines after a reconnect are being compared with the remembered tail. */
  get holding(): boolean {
    return this.resyncing;
  }

  /** The source reconnected: the next lines may repeat the remembered tail. */
  reconnected(): void {
    if (this.recent.length === 0) return;
    this.resyncing = true;
    this.held = [];
    this.candidates = [];
  }

  /** Offers one line; returns the lines to pass on now (none while it may still be a repeat). */
  offer(line: string): string[] {
    if (!this.resyncing) {
      this.remember(line);
      return [line];
    }
    const n = this.recent.length;
    const next = this.held.length;
    const viable = next === 0
      ? this.positionsOf(line)
      : this.candidates.filter((p) => p + next < n && this.at(p + next) === line);
    if (viable.length === 0) {
      // The repetition broke. Held lines that reached the end of the tail were repeats.
      const repeats = this.complete();
      const passed = repeats ? [] : this.held;
      this.finish(repeats);
      for (const held of passed) this.remember(held);
      this.remember(line);
      return [...passed, line];
    }
    this.held.push(line);
    this.candidates = viable;
    // Every remaining alignment reached the end of the tail: the whole repeat has been seen.
    if (viable.every((p) => p + this.held.length === n)) this.finish(true);
    return [];
  }

  /** Ends a resync that went quiet: returns the held lines unless they repeated the tail to its end. */
  settle(): string[] {
    if (!this.resyncing) return [];
    const repeats = this.complete();
    const passed = repeats ? [] : this.held;
    this.finish(repeats);
    for (const held of passed) this.remember(held);
    return passed;
  }

  // True when some alignment of the held lines ends exactly at the end of the tail.
  private complete(): boolean {
    return this.held.length > 0 && this.candidates.some((p) => p + this.held.length === this.recent.length);
  }

  private finish(dropHeld: boolean): void {
    if (dropHeld) this.dropped += this.held.length;
    this.resyncing = false;
    this.held = [];
    this.candidates = [];
  }

  private positionsOf(line: string): number[] {
    const found: number[] = [];
    for (let p = 0; p < this.recent.length; p++) if (this.at(p) === line) found.push(p);
    return found;
  }

  private at(position: number): string {
    return this.recent[(this.start + position) % this.recent.length]!;
  }

  private remember(line: string): void {
    if (this.keep <= 0) return;
    if (this.recent.length < this.keep) {
      this.recent.push(line);
      return;
    }
    this.recent[this.start] = line;
    this.start = (this.start + 1) % this.keep;
  }
}
