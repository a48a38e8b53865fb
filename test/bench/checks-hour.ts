// An hour of check results in seconds, for B7: the real scheduler, flap damper, result batcher,
// redaction, store (checks and timeline slices) and incident journal, as the console wires them,
// fed by scripted checks instead of probes on the network. What is measured is what the console
// keeps per result — history strips, transitions, dampers, timeline events — and that does not
// depend on where a result came from; the console part of B7 runs real HTTP checks alongside.
//
// Time is compressed by running each check again as soon as its last run ends (interval 1 ms):
// one run is one probe of a 2 s interval, so 1,800 runs per row are an hour. A tenth of the rows
// flap (4 failing probes in every 60, two transitions each time), about 6,000 `check.state`
// events an hour over 1,000 rows: a bad hour, so the timeline window (5,000) is exceeded.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { HttpCheckConfig } from '../../src/config/types.js';
import { redactUpdate } from '../../src/probes/row-redaction.js';
import { CheckScheduler } from '../../src/probes/scheduler.js';
import type { Check, RowInfo, RowOutcome } from '../../src/probes/types.js';
import { createWarroomStore } from '../../src/store/store.js';
import { TimelineFeed } from '../../src/timeline/capability.js';
import { openIncident } from '../../src/timeline/incidents.js';
import { createRedactor } from '../../src/text/redact.js';

const MB = 1024 * 1024;
/** The interval the compressed runs stand for. */
const SIMULATED_INTERVAL_S = 2;

/** Memory after a stretch of simulated time, measured after a full garbage collection. */
export interface HourSample {
  simulatedMinutes: number;
  heapMb: number;
  rssMb: number;
  journalEvents: number;
}

/** What an hour of simulated checks left behind. */
export interface HourResult {
  rows: number;
  results: number;
  seconds: number;
  samples: HourSample[];
  /** Longest history strip and transitions list of any row at the end. */
  maxHistory: number;
  maxTransitions: number;
  /** Events in the store's timeline window, and recorded in the journal. */
  windowEvents: number;
  journalEvents: number;
}

/** A garbage collection on demand (the bench runs without --expose-gc). */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/** A check that answers from a script: UP, or for flapping rows a 503 now and then. */
class ScriptedCheck implements Check {
  readonly row: RowInfo;
  runs = 0;

  constructor(
    readonly config: HttpCheckConfig,
    index: number,
    private readonly flapping: boolean,
  ) {
    this.row = { id: config.id, checkId: config.id, service: config.service, check: config.label, kind: 'http', target: config.label, order: index };
  }

  initialRows(): RowInfo[] {
    return [this.row];
  }

  async run(): Promise<RowOutcome[]> {
    const k = this.runs++;
    const latencyMs = 2 + ((k * 7 + this.row.order) % 40);
    if (this.flapping && (k + this.row.order) % 60 < 4) {
      // A failing body names its request, so every one is a new string, as in a real outage.
      const body = `{"error":"upstream timed out","request":"${this.row.order}-${k}"}`;
      return [{ row: this.row, state: 'DOWN', reason: 'HTTP 503', latencyMs, body }];
    }
    return [{ row: this.row, state: 'UP', reason: 'HTTP 200', latencyMs, body: '{"status":"healthy"}' }];
  }
}

function configFor(index: number): HttpCheckConfig {
  const port = 10_000 + index;
  return {
    kind: 'http', id: `fleet#0:${port}`, service: 'fleet', label: String(port), url: `http://127.0.0.1:${port}/health`,
    intervalMs: 1, timeoutMs: 2000, downAfter: 2, upAfter: 1, headers: {}, followRedirects: false, port,
    pos: { file: 'warroom.yaml', line: 1, col: 1 },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `rows` scripted checks for `minutes` of simulated time; samples every `sampleMinutes`. */
export async function simulateCheckHour(options: { rows: number; minutes: number; sampleMinutes: number }): Promise<HourResult> {
  const gc = collector();
  const runsPerRow = (options.minutes * 60) / SIMULATED_INTERVAL_S;
  const dir = mkdtempSync(join(tmpdir(), 'warroom-b7-checks-'));
  const store = createWarroomStore();
  const journal = openIncident(dir, { title: 'B7 checks hour', severity: 'P3', operator: 'bench', follow: false });
  const feed = new TimelineFeed(journal, store);
  feed.start();
  const checks = Array.from({ length: options.rows }, (_, i) => new ScriptedCheck(configFor(i), i, i % 10 === 0));
  const redactor = createRedactor();
  // As startStatusBoard wires it, with the scripted checks in place of the config's.
  store.getState().registerCheckRows(checks.flatMap((c) => c.initialRows()));
  const scheduler = new CheckScheduler(checks, {
    onBatch: (updates) => store.getState().applyCheckBatch(updates.map((u) => redactUpdate(u, redactor))),
    recorder: journal,
    pacer: store.pacer,
  });
  const sample = (simulatedMinutes: number): HourSample => {
    gc();
    const usage = process.memoryUsage();
    return { simulatedMinutes, heapMb: usage.heapUsed / MB, rssMb: usage.rss / MB, journalEvents: journal.events().length };
  };
  const samples = [sample(0)];
  const started = performance.now();
  const slowest = () => Math.min(...checks.map((c) => c.runs));
  try {
    scheduler.start();
    for (let minutes = options.sampleMinutes; minutes <= options.minutes; minutes += options.sampleMinutes) {
      const target = (minutes * 60) / SIMULATED_INTERVAL_S;
      // Bounded: even a slow machine gets through 1,000 rows' hour in well under this.
      const deadline = performance.now() + 600_000;
      while (slowest() < target) {
        if (performance.now() > deadline) throw new Error(`checks stalled at ${slowest()} runs per row`);
        await sleep(20);
      }
      samples.push(sample(minutes));
    }
  } finally {
    await scheduler.stop();
    feed.stop();
    journal.close();
  }
  const seconds = (performance.now() - started) / 1000;
  const rows = Object.values(store.getState().checks.rows);
  const result: HourResult = {
    rows: rows.length,
    results: checks.reduce((a, c) => a + c.runs, 0),
    seconds,
    samples,
    maxHistory: Math.max(...rows.map((r) => r.history.length)),
    maxTransitions: Math.max(...rows.map((r) => r.transitions.length)),
    windowEvents: store.getState().timeline.events.length,
    journalEvents: journal.events().length,
  };
  rmSync(dir, { recursive: true, force: true });
  if (slowest() < runsPerRow) throw new Error(`only ${slowest()} runs per row, expected ${runsPerRow}`);
  return result;
}
