// B9: a 100,000-event timeline exported to Markdown (and JSON), and reopened (read, check for a
// torn tail, index ids, start following); target ≤ 1 s each. Medians of several runs.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { encodeEvent, type TimelineEvent } from '../../src/timeline/event.js';
import { JOURNAL_FILE, latestIncident, resumeIncident } from '../../src/timeline/incidents.js';
import { exportJson, exportMarkdown, exportTemplate } from '../../src/export/index.js';

const T0 = Date.UTC(2026, 10, 22, 22, 0);

/** A mix like a long, busy incident: flapping checks, metrics, actions, notes, pages. */
function syntheticEvent(i: number): TimelineEvent {
  const ts = T0 + i * 500;
  const base = { v: 1, id: `b9-${i}`, ts, operator: i % 7 === 0 ? 'bo@bastion' : 'ana@bastion' };
  const service = `svc-${i % 40}`;
  switch (i % 10) {
    case 0:
    case 1:
    case 2:
      return { ...base, kind: 'check.state', data: { check: 'http /health', service, from: i % 2 ? 'UP' : 'DOWN', to: i % 2 ? 'DOWN' : 'UP', reason: 'HTTP 503' } };
    case 3:
      return { ...base, kind: 'metric.threshold', data: { panel: `panel ${i % 8}`, from: 'ok', to: i % 3 ? 'crit' : 'ok', value: (i % 100) / 10 } };
    case 4:
      return { ...base, kind: 'action.finished', data: { service, action: 'restart', target: 'app-1', command: `systemctl restart ${service}`, exitCode: i % 5, durationMs: 1200 } };
    case 5:
      return { ...base, kind: 'runbook.step', data: { runbook: 'checkout.md', section: 'Triage', text: `step ${i % 30}`, status: 'done' } };
    case 6:
      return { ...base, kind: 'escalation.sent', data: { contact: 'oncall', channel: 'slack', attempt: 1 } };
    case 7:
      return { ...base, kind: 'log.evidence', data: { source: service, line: `ERROR request ${i} failed: upstream timeout after 2000 ms` } };
    case 8:
      return { ...base, kind: 'status.update', data: { phase: 'investigating', text: `update ${i}` } };
    default:
      return { ...base, kind: 'note', data: { text: i % 90 === 9 ? `todo: follow up ${i}` : `note ${i} | with a pipe` } };
  }
}

function median(samples: number[]): number {
  return [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)] ?? 0;
}

function time(runs: number, fn: () => void): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const t = performance.now();
    fn();
    samples.push(performance.now() - t);
  }
  return median(samples);
}

async function timeAsync(runs: number, fn: () => Promise<void>): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  return median(samples);
}

/** Runs B9 and prints its figures (`quick`: 20,000 events, for a smoke run). */
export async function main({ quick = false }: { quick?: boolean } = {}): Promise<void> {
  const count = Number(process.env.B9_COUNT ?? (quick ? 20_000 : 100_000));
  const runs = Number(process.env.B9_RUNS ?? (quick ? 2 : 5));
  const dir = mkdtempSync(join(tmpdir(), 'warroom-b9-'));
  try {
    const id = 'INC-20261122-2200-b9';
    mkdirSync(join(dir, id));
    const lines = [encodeEvent({ v: 1, id: 'open', ts: T0 - 1000, operator: 'ana@bastion', kind: 'incident.opened', data: { title: 'B9', severity: 'P1' } })];
    for (let i = 0; i < count; i += 1) lines.push(encodeEvent(syntheticEvent(i)));
    const content = lines.join('');
    writeFileSync(join(dir, id, JOURNAL_FILE), content);

    // The floor on this machine right now: reading and JSON.parse of every line, nothing else.
    const floor = time(runs, () => {
      for (const line of readFileSync(join(dir, id, JOURNAL_FILE), 'utf8').split('\n')) if (line) JSON.parse(line);
    });
    let mdBytes = 0;
    const exportMd = time(runs, () => (mdBytes = exportMarkdown(join(dir, id)).length));
    // A template (LiquidJS) places the same sections in another shape: the engine's share.
    let templateBytes = 0;
    const exportTpl = await timeAsync(runs, async () => {
      templateBytes = (await exportTemplate(join(dir, id), 'google-sre')).length;
    });
    let jsonBytes = 0;
    const exportJs = time(runs, () => (jsonBytes = exportJson(join(dir, id)).length));
    const reopen = time(runs, () => resumeIncident(dir, id, { operator: 'bench' }).close());
    const latest = time(runs, () => latestIncident(dir));
    const mb = (n: number): string => `${(n / 1e6).toFixed(1)} MB`;
    console.log(`B9 ${count + 1} events, journal ${mb(content.length)}, median of ${runs} runs (target ≤ 1 s each)`);
    const row = (what: string, ms: number, extra = ''): void =>
      console.log(`  ${what.padEnd(17)} ${ms.toFixed(0).padStart(5)} ms  ${(ms / floor).toFixed(1)}x the floor${extra}`);
    console.log(`  read+parse floor  ${floor.toFixed(0).padStart(5)} ms`);
    row('export Markdown', exportMd, ` (${mb(mdBytes)})`);
    row('export google-sre', exportTpl, ` (${mb(templateBytes)})`);
    row('export JSON', exportJs, ` (${mb(jsonBytes)})`);
    row('reopen (resume)', reopen);
    row('latestIncident', latest);
  } finally {
    if (!process.env.B9_KEEP) rmSync(dir, { recursive: true, force: true }); else console.log(dir);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main({ quick: process.argv.includes('--quick') });
