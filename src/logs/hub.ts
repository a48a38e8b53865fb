// Owns the log sources of one console: starts them from the config, feeds their lines through
// the ingest pipeline into the ring, and tells the store about it in batches — at most one
// store commit per beat of the store's pacer (see time/commit-pacer.ts), however many lines arrive.
import type { LogSettingsConfig, LogSourceConfig } from '../config/types.js';
import type { Executor } from '../exec/types.js';
import { countLogLines } from '../selfmetrics/record.js';
import { CommitPacer } from '../time/commit-pacer.js';
import type { TimelineRecorder } from '../timeline/recorder.js';
import { CommandSource, remoteTailCommand } from './command-source.js';
import { ErrorRateWatcher } from './error-rate.js';
import { FileTail } from './file-tail.js';
import { LogIngest } from './ingest.js';
import { LEVEL_NAMES, Level } from './level.js';
import type { LineSplitter } from '../text/line-splitter.js';
import { LineFlag, type LogRingBuffer } from './ring-buffer.js';
import type { LineReceiver, LogSource, SourceState } from './source.js';
import { SourceGaps } from './source-gaps.js';

/** One source as the pane shows it. */
export interface LogSourceStatus {
  id: number;
  tag: string;
  kind: 'file' | 'command';
  host?: string;
  state: SourceState;
  detail?: string;
  linesTotal: number;
  /** Lines of any level in the last minute. */
  lastMinuteTotal: number;
  errorsTotal: number;
  warnsTotal: number;
  errorsLastMinute: number;
  warnsLastMinute: number;
  /** Above the error-rate threshold right now. */
  errorEpisode: boolean;
  /** When the source stopped (its command or host went away) and has not come back; null while live. */
  staleSince: number | null;
  /** Lines the source sent again after reconnecting, dropped (not shown or counted twice). */
  repeatsDropped: number;
}

/** A source error kept for the pane (stderr line, exit, missing file). */
export interface SourceErrorNote {
  source: string;
  text: string;
  at: number;
}

/** What one flush hands the store. */
export interface LogsFlush {
  ring: LogRingBuffer;
  /** Lines ever ingested (the ring's total). */
  total: number;
  sources: LogSourceStatus[];
  /** Most recent source errors, oldest first (bounded). */
  sourceErrors: SourceErrorNote[];
}

/** Receives flushes; the store's logs slice implements it. */
export interface LogsSink {
  logsFlushed(flush: LogsFlush): void;
}

/** Construction options of a LogHub. */
export interface LogHubOptions {
  settings: LogSettingsConfig;
  recorder: TimelineRecorder;
  /** Needed for command sources and files on remote hosts. */
  executor?: Executor;
  sink: LogsSink;
  /** Paces flushes together with the store's other commits (the console passes the store's). */
  pacer?: CommitPacer;
  /** Without a pacer: the shortest time between two flushes. @default 50 */
  flushMs?: number;
  /** File poll interval, ms. @default 250 */
  pollMs?: number;
}

const SOURCE_ERRORS_KEPT = 50;
/** Lines a command source remembers to recognise its re-sent tail (journalctl -f sends 10). */
const COMMAND_TAIL_KEPT = 200;

interface SourceEntry {
  status: LogSourceStatus;
  source: LogSource;
  splitter: LineSplitter | null;
  /** Lines of this source already counted into warroom's own /metrics. */
  counted: number;
  /** Stale since, gap markers, and what a restarted follow command sends again. */
  gaps: SourceGaps;
}

/** Owns log sources, the ring they feed, and batching into the store. */
export class LogHub {
  /** The pipeline and ring every source feeds. */
  readonly ingest: LogIngest;
  private readonly entries: SourceEntry[] = [];
  private readonly watcher: ErrorRateWatcher;
  private readonly sourceErrors: SourceErrorNote[] = [];
  private ticker: NodeJS.Timeout | null = null;
  /** Some source logged in the last minute: counts still change without new lines. */
  private recentActivity = false;
  /** What the last flush sent, to skip flushes that would change nothing. */
  private lastSignature = '';
  private readonly pacer: CommitPacer;
  private readonly flushPaced = () => this.flush();

  constructor(private readonly options: LogHubOptions) {
    this.ingest = new LogIngest(options.settings.buffer);
    this.watcher = new ErrorRateWatcher(options.recorder, options.settings.errorRateNote);
    this.pacer = options.pacer ?? new CommitPacer(options.flushMs ?? 50);
  }

  /** Adds a source from the config (not started until start()); returns its id. */
  addSource(config: LogSourceConfig): number {
    const id = this.entries.length;
    this.ingest.addSource(id);
    const status: LogSourceStatus = {
      id, tag: config.tag, kind: config.kind, host: config.host, state: 'stopped',
      linesTotal: 0, lastMinuteTotal: 0, errorsTotal: 0, warnsTotal: 0, errorsLastMinute: 0, warnsLastMinute: 0, errorEpisode: false,
      staleSince: null, repeatsDropped: 0,
    };
    const local = config.kind === 'file' && config.host === undefined;
    // A remote `tail -n N -F` re-sends its N lines on every restart; a command some of its own.
    const remembered = local ? 0 : config.kind === 'file' ? Math.min(2000, Math.max(config.lines, 10)) : COMMAND_TAIL_KEPT;
    const gaps = new SourceGaps(config.tag, remembered, {
      line: (text) => this.ingest.acceptLine(id, text),
      marker: (text, at) => this.ingest.acceptMarker(id, text, at),
      changed: () => this.scheduleFlush(),
    });
    // The receiver needs the entry (its splitter) before the source exists.
    const entry: Omit<SourceEntry, 'source'> = { status, splitter: null, counted: 0, gaps };
    const source = this.createSource(config, this.receiverFor(entry));
    this.entries.push(Object.assign(entry, { source }));
    // The source's series exist (at 0) from the start, so a rate over them is defined at once.
    countLogLines(config.tag, 0, 0);
    this.scheduleFlush();
    return id;
  }

  /** Starts every source. */
  start(): void {
    for (const entry of this.entries) entry.source.start();
    // Last-minute counts and error episodes decay with no line arriving: refresh them each second.
    this.ticker = setInterval(() => {
      if (this.recentActivity) this.scheduleFlush();
    }, 1000);
    this.ticker.unref?.();
  }

  /** Stops every source and sends a last flush. */
  async stop(): Promise<void> {
    if (this.ticker) clearInterval(this.ticker);
    this.ticker = null;
    await Promise.all(this.entries.map((entry) => entry.source.stop()));
    for (const entry of this.entries) {
      entry.splitter?.flush();
      entry.gaps.settle();
    }
    this.flush();
  }

  /** Tags of the sources, indexed by id. */
  get tags(): string[] {
    return this.entries.map((entry) => entry.status.tag);
  }

  /** Writes a held line to the timeline as evidence (the pane's `m`); false if it is gone. */
  markEvidence(seq: number): boolean {
    const ring = this.ingest.ring;
    if (!ring.has(seq)) return false;
    const line = ring.line(seq);
    this.options.recorder.record('log.evidence', {
      source: this.entries[line.source]?.status.tag ?? String(line.source),
      level: LEVEL_NAMES[line.level],
      text: line.text,
      loggedAt: new Date(line.time).toISOString(),
    });
    return true;
  }

  /** Sends the store what changed since the last flush (normally called at the pacer's beat). */
  flush(): void {
    this.pacer.cancel(this.flushPaced);
    const now = this.ingest.now();
    const counts = this.ingest.counts;
    this.watcher.check(counts, this.tags, now);
    const sources = this.entries.map((entry) => {
      const { status } = entry;
      const tally = counts.tally(status.id, now);
      const linesTotal = tally.total.reduce((a, b) => a + b, 0);
      // warroom's own /metrics, counted here once per flush per source (the ingest hot path
      // counts nothing extra): every line the stream took from the source, its error lines
      // (stderr, exits) included. Nothing is ever dropped on the way in: ring overwrites are
      // lines that were ingested and shown, an over-long line is kept cut (with a marker saying
      // how many bytes were left out), and no source discards lines while a view is paused. So
      // the dropped count is 0 here; it is kept for a source that may one day have to shed lines.
      if (linesTotal > entry.counted) {
        countLogLines(status.tag, linesTotal - entry.counted, 0);
        entry.counted = linesTotal;
      }
      return {
        ...status,
        lastMinuteTotal: tally.lastMinute.reduce((a, b) => a + b, 0),
        linesTotal,
        errorsTotal: tally.total[Level.error] + tally.total[Level.critical] + tally.total[Level.fatal],
        warnsTotal: tally.total[Level.warn],
        errorsLastMinute: tally.lastMinute[Level.error] + tally.lastMinute[Level.critical] + tally.lastMinute[Level.fatal],
        warnsLastMinute: tally.lastMinute[Level.warn],
        errorEpisode: this.watcher.active(status.id),
        staleSince: entry.gaps.staleSince,
        repeatsDropped: entry.gaps.repeatsDropped,
      };
    });
    this.recentActivity = sources.some((s) => s.lastMinuteTotal > 0);
    // Nothing new (a once-a-second refresh with unchanged counts): no store commit, no frame.
    const signature = `${this.ingest.ring.total}|${this.sourceErrors.length}|${JSON.stringify(sources)}`;
    if (signature === this.lastSignature) return;
    this.lastSignature = signature;
    this.options.sink.logsFlushed({
      ring: this.ingest.ring,
      total: this.ingest.ring.total,
      sources,
      sourceErrors: this.sourceErrors.slice(),
    });
  }

  private scheduleFlush(): void {
    this.pacer.request(this.flushPaced);
  }

  private createSource(config: LogSourceConfig, receiver: LineReceiver): LogSource {
    if (config.kind === 'file' && config.host === undefined) {
      return new FileTail({ path: config.path, lines: config.lines, pollMs: this.options.pollMs }, receiver);
    }
    const executor = this.options.executor;
    if (!executor) throw new Error(`log source ${config.tag} needs an executor`);
    const command = config.kind === 'file' ? remoteTailCommand(config.path, config.lines) : config.command;
    const env = config.kind === 'command' ? config.env : undefined;
    return new CommandSource(executor, { command, host: config.host, ...(env ? { env } : {}) }, receiver);
  }

  private receiverFor(entry: Omit<SourceEntry, 'source'>): LineReceiver {
    const id = entry.status.id;
    return {
      bytes: (chunk) => {
        entry.splitter ??= this.ingest.splitterFor(id);
        entry.splitter.push(chunk);
        this.scheduleFlush();
      },
      restartBytes: () => {
        entry.splitter?.flush();
        entry.splitter = null;
      },
      line: (text) => {
        entry.gaps.line(text);
        this.scheduleFlush();
      },
      error: (text) => {
        this.ingest.acceptLine(id, text, this.ingest.now(), LineFlag.stderr);
        this.sourceErrors.push({ source: entry.status.tag, text: this.ingest.ring.text(this.ingest.ring.newest), at: this.ingest.now() });
        if (this.sourceErrors.length > SOURCE_ERRORS_KEPT) this.sourceErrors.shift();
        this.scheduleFlush();
      },
      state: (state, detail) => {
        entry.gaps.state(state, this.ingest.now());
        entry.status.state = state;
        entry.status.detail = detail;
        this.scheduleFlush();
      },
    };
  }
}
