// Opens (or continues) an incident's journal and runs the console on it: the part `warroom
// open` and `warroom demo` share once they have a config.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { WarroomConfig } from '../config/types.js';
import type { ShareConfig } from '../config/integration-types.js';
import { createConsoleExecutor } from '../engine/console-executor.js';
import type { ConsoleMode } from '../mode/console-mode.js';
import { countTimelineEvent, serveSelfMetrics, type SelfMetricsServer } from '../selfmetrics/index.js';
import { createWarroomStore } from '../store/store.js';
import { latestOpenIncident, openIncident, resumeIncident } from '../timeline/incidents.js';
import type { JournalOptions, TimelineJournal } from '../timeline/journal.js';
import { operatorName } from '../timeline/operator.js';
import { createRedactor } from '../text/redact.js';
import { summarizeIncident } from '../timeline/incident-state.js';
import { requireTerminal, runConsoleSession, type SessionEnd } from './console-session.js';
import { checkIncidentId } from './incidents-source.js';
import { systemErrorCode, systemErrorReason } from './system-errors.js';
import { askOnTerminal } from './terminal-question.js';
import { UsageError } from './usage-error.js';

/** The console options every console command takes. */
export interface ConsoleFlags {
  incident?: string;
  as?: string;
  dryRun?: boolean;
  readOnly?: boolean;
  /** Serve warroom's own /metrics on 127.0.0.1 at this port. */
  metricsPort?: string;
  /** Continue the open incident without asking (demo: always start a new one). */
  onOpenIncident?: 'ask' | 'new';
}

/** The mode the flags ask for; both safe modes at once is a usage error. */
export function modeFrom(flags: ConsoleFlags): ConsoleMode {
  if (flags.dryRun && flags.readOnly) throw new UsageError('--dry-run and --read-only cannot be combined');
  if (flags.readOnly) return 'read-only';
  if (flags.dryRun) return 'dry-run';
  return 'live';
}

async function askContinue(id: string): Promise<boolean> {
  const answer = await askOnTerminal(`Incident ${id} is still open. Continue it? [Y/n] `);
  return !/^n/i.test(answer.trim());
}

/** Picks the journal: the one named, the open one (after asking), or a new incident. */
async function journalFor(config: WarroomConfig, flags: ConsoleFlags, operator: string): Promise<TimelineJournal> {
  const options = { operator, redactor: createRedactor(config) };
  const dir = config.timeline.dir;
  if (flags.incident) {
    const id = checkIncidentId(flags.incident);
    // A shared incident this machine has never seen is joined: its history comes from the stream.
    if (config.share && !existsSync(join(dir, id))) return joinShared(config.share, dir, id, options);
    try {
      return resumeIncident(dir, id, options);
    } catch (error) {
      throw new UsageError(`cannot open incident ${id}: ${systemErrorReason(error)} (\`warroom incidents\` lists them)`);
    }
  }
  try {
    if (flags.onOpenIncident !== 'new') {
      const open = latestOpenIncident(dir);
      if (open && (await askContinue(open.id))) return resumeIncident(dir, open.id, options);
    }
    return openIncident(dir, { ...options, title: config.incident.title, severity: config.incident.severity });
  } catch (error) {
    // The incidents folder cannot be read or written (permissions, a file in the way, a full disk).
    if (!systemErrorCode(error)) throw error;
    throw new UsageError(`cannot record the incident in ${dir}: ${systemErrorReason(error)} (the folder is timeline.dir in the config; --timeline-dir for the demo)`);
  }
}

async function joinShared(share: ShareConfig, dir: string, id: string, options: JournalOptions): Promise<TimelineJournal> {
  process.stderr.write(`warroom: joining shared incident ${id} (fetching its history from ${share.servers.join(', ')})\n`);
  const { joinSharedIncident } = await import('../share/join.js');
  try {
    return await joinSharedIncident(share, dir, id, options);
  } catch (error) {
    throw new UsageError(`cannot join shared incident ${id}: ${(error as Error).message}`);
  }
}

async function startMetricsServer(text: string): Promise<SelfMetricsServer> {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--metrics-port must be a port number, got ${text}`);
  try {
    return await serveSelfMetrics(port);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** Runs the console for `config` until the user quits; the journal records who joined and left. */
export async function runIncidentConsole(config: WarroomConfig, flags: ConsoleFlags): Promise<void> {
  requireTerminal();
  const mode = modeFrom(flags);
  const operator = operatorName(flags.as);
  const journal = await journalFor(config, flags, operator);
  const summary = summarizeIncident(journal.id, journal.events());
  const store = createWarroomStore();
  store.getState().setIncident({
    startedAt: summary.startedAt,
    resolvedAt: summary.resolvedAt,
  });
  const executor = createConsoleExecutor(config, store, journal);
  const metricsServer = flags.metricsPort ? await startMetricsServer(flags.metricsPort) : null;
  const stopCounting = journal.onEvents((events) => {
    for (const event of events) countTimelineEvent(event.kind);
  });
  journal.record('operator.joined', { mode });
  let end: SessionEnd = 'error';
  let left = false;
  const leave = (how: SessionEnd): void => {
    if (left) return;
    left = true;
    journal.record('operator.left', { mode, end: how });
  };
  try {
    end = await runConsoleSession({
      config: {
        ...config,
        incident: { ...config.incident, title: summary.title, severity: summary.severity as typeof config.incident.severity },
      },
      operator,
      mode,
      incidentId: journal.id,
      recorder: journal,
      executor,
      store,
      // Recorded while sharing still runs: the other consoles hear of it now, not on the next start.
      lastWords: leave,
    });
  } finally {
    leave(end);
    stopCounting();
    journal.close();
    // The console is gone: the terminal is the only place left to say what the disk refused.
    const { held, error } = journal.health();
    if (held > 0) process.stderr.write(`warroom: ${held} timeline event(s) could not be written to ${journal.path} (${error}) and are lost\n`);
    await metricsServer?.close();
  }
  // After a hang-up or a crash the terminal (stdin) may be dead but still open: reading it can
  // keep the process alive, spinning. Everything is on disk and stopped by now, so leave.
  if (end !== 'quit') process.exit(end === 'error' ? 1 : 0);
}
