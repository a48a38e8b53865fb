// A whole console for view tests: a config with actions and contacts, the real actions and
// escalation capabilities on an Engine, a status board row selected, and a webhook sink.
import { actionsCapability } from '../../src/actions/capability.js';
import type { ActionConfig, ServiceConfig, WarroomConfig } from '../../src/config/types.js';
import { Engine } from '../../src/engine/engine.js';
import { MemoryRecorder } from '../helpers/memory-recorder.js';
import { escalationCapability } from '../../src/escalation/capability.js';
import type { ConsoleMode } from '../../src/mode/console-mode.js';
import { createWarroomStore } from '../../src/store/store.js';
import { startSink, type HttpSink } from '../escalation/http-sink.js';
import { renderConsole } from '../helpers/render-console.js';
import { waitFor } from '../helpers/wait-for.js';
import { RecordingExecutor } from '../helpers/recording-executor.js';

const POS = { file: 'warroom.yaml', line: 1, col: 1 };

function act(service: string, name: string, run: string | string[], extra: Partial<ActionConfig> = {}): ActionConfig {
  const runs = Array.isArray(run) ? run.map((r, i) => ({ instance: `app-${i + 1}`, run: r })) : [{ run }];
  return { service, name, targets: runs, timeoutMs: 20_000, confirm: 'yes', rolling: false, pos: POS, ...extra };
}

function service(name: string, actions: ActionConfig[], instances: string[] = []): ServiceConfig {
  return { name, instances, checks: [], logs: [], actions: Object.fromEntries(actions.map((a) => [a.name, a])), pos: POS };
}

/** The test config; `restart` of checkout-api prints lines and succeeds. */
export function testConfig(sinkUrl: string): WarroomConfig {
  return {
    file: 'warroom.yaml',
    baseDir: '.',
    incident: { title: 'Checkout returning 5xx', severity: 'P2', responseTargets: { P0: 900_000, P1: 900_000, P2: 3_600_000, P3: 14_400_000, P4: 86_400_000 } },
    hosts: {},
    services: [
      service('checkout-api', [
        act('checkout-api', 'restart', 'echo stopping; echo starting; echo ready'),
        act('checkout-api', 'rollback', 'echo rolled back', { confirm: 'typed' }),
        act('checkout-api', 'cleanup', 'rm -rf /tmp/warroom-never-there-xyz'),
        act('checkout-api', 'hang', 'echo hanging; sleep 30'),
      ]),
      service('gateway', [act('gateway', 'restart', ['echo gw app-1', 'echo gw app-2'], { rolling: true })], ['app-1', 'app-2']),
    ],
    escalation: {
      auto: false,
      policy: [
        { afterMs: 60 * 60_000, notify: 'tech-lead' },
        { afterMs: 120 * 60_000, notify: 'eng-manager' },
      ],
      contacts: {
        oncall: { name: 'oncall', pagerduty: { routingKey: 'ROUTINGKEY-abcdef-123456' } },
        'tech-lead': { name: 'tech-lead', slack: { webhook: `${sinkUrl}/services/T0/B0/SLACKSECRET`, mention: '@lead' } },
        'eng-manager': { name: 'eng-manager', webhook: { url: `${sinkUrl}/hook`, headers: { 'X-Team': 'checkout' } } },
      },
    },
    timeline: { dir: '.warroom', redact: [] },
    logs: { buffer: 1000, errorRateNote: 30 },
    secrets: ['ROUTINGKEY-abcdef-123456', `${sinkUrl}/services/T0/B0/SLACKSECRET`],
  };
}

/** Starts the console with the engine; `close()` stops everything. */
export async function startActionsConsole(options: { mode?: ConsoleMode } = {}) {
  const sink = await startSink();
  process.env.WARROOM_PAGERDUTY_URL = `${sink.url}/v2/enqueue`;
  const config = testConfig(sink.url);
  const store = createWarroomStore();
  store.getState().setIncident({ id: 'INC-7', title: config.incident.title, severity: 'P2', operator: 'ana@bastion', mode: options.mode ?? 'live', startedAt: Date.now() });
  // The status board's rows, through the checks slice as the probes fill it.
  const rowInfo = (id: string, svc: string, check: string, instance?: string) => ({ id, checkId: id, service: svc, ...(instance ? { instance } : {}), check, kind: 'http' as const, target: check, order: 0 });
  const rows = [rowInfo('checkout-api#0', 'checkout-api', 'http :8000'), rowInfo('gateway/app-2#0', 'gateway', 'http :8080', 'app-2')];
  store.getState().registerCheckRows(rows);
  const now = Date.now();
  store.getState().applyCheckBatch([
    { row: rows[0]!, at: now, raw: 'DOWN', state: 'DOWN', reason: 'HTTP 503', latencyMs: 3, since: now },
    { row: rows[1]!, at: now, raw: 'UP', state: 'UP', reason: '', latencyMs: 2, since: now },
  ]);
  const recorder = new MemoryRecorder();
  const executor = new RecordingExecutor();
  const engine = new Engine({ config, store, recorder, executor, mode: options.mode ?? 'live', operator: 'ana@bastion' }, [actionsCapability, escalationCapability]);
  await engine.start();
  const ui = renderConsole({ store, columns: 140, rows: 40 });
  return {
    ui,
    store,
    recorder,
    executor,
    sink: sink as HttpSink,
    /** Writes keys and waits (generously: the test machines are shared) for a matching frame. */
    async press(keys: string, expect?: (frame: string) => boolean) {
      ui.stdin.write(keys);
      if (expect) await waitFor(() => expect(ui.frame()), { what: `frame after ${JSON.stringify(keys)}`, timeoutMs: 30_000 });
      else await new Promise((resolve) => setImmediate(resolve));
    },
    /** Moves the status board's cursor to a row (as j/k would). */
    async select(id: string) {
      const { ids, rows: byId } = store.getState().checks;
      const row = byId[id]!;
      // The selected row is the one marked › on the board (its service, then its instance).
      const marked = new RegExp(`› ${row.service}\\s+${row.instance ?? ''}`);
      await this.press('1');
      for (let i = 0; i < ids.length && !marked.test(ui.frame()); i++) await this.press('j', () => true);
      await waitFor(() => marked.test(ui.frame()), { what: `row ${id} selected`, timeoutMs: 30_000 });
    },
    /** A fresh probe result for a row (the status board noticed a change). */
    probe(id: string, state: 'UP' | 'DOWN') {
      const row = rows.find((r) => r.id === id)!;
      const at = Date.now() + 1;
      store.getState().applyCheckBatch([{ row, at, raw: state, state, reason: '', latencyMs: 1, since: at }]);
    },
    async close() {
      ui.unmount();
      await engine.stop();
      await sink.close();
    },
  };
}
