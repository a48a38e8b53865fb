// Grafana annotations against a local server that records every request (Grafana cannot run
// here) and checks it against Grafana's documented annotations API: POST /api/annotations with
// time/timeEnd (epoch ms), tags and text, answered { id, message }; PATCH /api/annotations/{id};
// GET /api/annotations?tags=…&type=annotation answered with the stored annotations that carry
// every tag; DELETE /api/annotations/{id}.
// The incident is one region, closed at the resolution; events of the configured families are
// posted with the `warroom` and incident tags; failures are shown, retried in order, never lost.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { Annotator } from '../../src/annotations/annotator.js';
import { annotationsCapability } from '../../src/annotations/capability.js';
import { GrafanaClient } from '../../src/annotations/grafana-api.js';
import type { AnnotationStatus } from '../../src/annotations/types.js';
import { loadConfigText } from '../../src/config/load.js';
import type { EngineContext } from '../../src/engine/capability.js';
import type { ConsoleMode } from '../../src/mode/console-mode.js';
import { createWarroomStore } from '../../src/store/store.js';
import type { TimelineEvent } from '../../src/timeline/event.js';
import { openIncident } from '../../src/timeline/incidents.js';
import { MemoryRecorder } from '../helpers/memory-recorder.js';
import { waitFor } from '../helpers/wait-for.js';

interface Recorded {
  method: string;
  path: string;
  authorization: string | undefined;
  contentType: string | undefined;
  body: Record<string, unknown>;
}

const POST_FIELDS = new Set(['dashboardUID', 'dashboardId', 'panelId', 'time', 'timeEnd', 'tags', 'text']);
const PATCH_FIELDS = new Set(['time', 'timeEnd', 'tags', 'text']);

/** Query parameters `GET /api/annotations` takes. */
const FIND_PARAMS = new Set(['from', 'to', 'userId', 'alertId', 'dashboardId', 'dashboardUID', 'panelId', 'limit', 'tags', 'type', 'matchAny']);

/** Checks one request against the documented API; returns why it is not a valid call, or null. */
function invalid(request: Recorded): string | null {
  const { method, path, body } = request;
  const url = new URL(path, 'http://grafana');
  const one = /^\/api\/annotations\/(\d+)$/.exec(url.pathname);
  if (!/^Bearer \S+$/.test(request.authorization ?? '')) return 'no Bearer token';
  if (method === 'GET' && url.pathname === '/api/annotations') {
    const unknown = [...url.searchParams.keys()].filter((key) => !FIND_PARAMS.has(key));
    if (unknown.length > 0) return `query parameters the API does not take: ${unknown.join(', ')}`;
    if (!['', 'annotation', 'alert'].includes(url.searchParams.get('type') ?? '')) return 'type is annotation or alert';
    return null;
  }
  if (method === 'DELETE' && one && url.search === '') return null;
  if (!(method === 'POST' && path === '/api/annotations') && !(method === 'PATCH' && one)) return `not an annotations call: ${method} ${path}`;
  if (request.contentType !== 'application/json') return 'not JSON';
  const allowed = method === 'POST' ? POST_FIELDS : PATCH_FIELDS;
  const extra = Object.keys(body).filter((key) => !allowed.has(key));
  if (extra.length > 0) return `fields the API does not take: ${extra.join(', ')}`;
  for (const key of ['time', 'timeEnd'] as const) {
    if (body[key] !== undefined && !(Number.isSafeInteger(body[key]) && (body[key] as number) > 1e12)) return `${key} is not epoch ms`;
  }
  if (body.tags !== undefined && !(Array.isArray(body.tags) && body.tags.every((t) => typeof t === 'string' && t !== ''))) return 'tags are not strings';
  if (method === 'POST' && (typeof body.text !== 'string' || body.text === '' || typeof body.time !== 'number')) return 'a new annotation needs time and text';
  return null;
}

/** An annotation as Grafana stores and lists it (the documented fields of GET /api/annotations). */
interface Stored {
  id: number;
  alertId: number;
  dashboardUID: string;
  panelId: number;
  time: number;
  timeEnd: number;
  text: string;
  tags: string[];
}

/** What the recording Grafana answers: the stored annotations listed, created, changed or deleted. */
function answer(recorded: Recorded, store: Map<number, Stored>, nextId: () => number): { status: number; body: unknown } {
  const url = new URL(recorded.path, 'http://grafana');
  const id = Number(/^\/api\/annotations\/(\d+)$/.exec(url.pathname)?.[1]);
  switch (recorded.method) {
    case 'GET': {
      const tags = url.searchParams.getAll('tags');
      const list = [...store.values()].filter((a) => tags.every((tag) => a.tags.includes(tag)));
      // Newest first, as Grafana lists them.
      return { status: 200, body: list.sort((a, b) => b.time - a.time).slice(0, Number(url.searchParams.get('limit') ?? 100)) };
    }
    case 'POST': {
      const b = recorded.body as { time: number; timeEnd?: number; text: string; tags?: string[] };
      const created: Stored = { id: nextId(), alertId: 0, dashboardUID: '', panelId: 0, time: b.time, timeEnd: b.timeEnd ?? b.time, text: b.text, tags: b.tags ?? [] };
      store.set(created.id, created);
      return { status: 200, body: { message: 'Annotation added', id: created.id } };
    }
    case 'DELETE':
      if (!store.delete(id)) return { status: 404, body: { message: 'Annotation not found' } };
      return { status: 200, body: { message: 'Annotation deleted' } };
    default: {
      const known = store.get(id);
      if (known) Object.assign(known, recorded.body);
      return { status: 200, body: { message: 'Annotation patched' } };
    }
  }
}

/** A recording Grafana: answers as Grafana does, or with the queued failures first. */
async function startGrafana() {
  const requests: Recorded[] = [];
  const failures: { status: number; body: string }[] = [];
  const stored = new Map<number, Stored>();
  const held: { count: number; waiting: (() => void)[] } = { count: 0, waiting: [] };
  let nextId = 100;
  const server: Server = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => {
      const recorded: Recorded = {
        method: req.method ?? '',
        path: req.url ?? '',
        authorization: req.headers.authorization,
        contentType: req.headers['content-type'],
        body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>),
      };
      if (recorded.method === 'GET' && held.count > 0) {
        // Held until `count` look-ups are waiting: consoles that looked at the same moment.
        held.waiting.push(() => reply(recorded));
        if (held.waiting.length >= held.count) {
          held.count = 0;
          held.waiting.splice(0).forEach((release) => release());
        }
        return;
      }
      reply(recorded);
    });
    const reply = (recorded: Recorded) => {
      const failure = failures.shift();
      if (failure) return res.writeHead(failure.status, { 'content-type': 'application/json' }).end(failure.body);
      requests.push(recorded);
      const problem = invalid(recorded);
      if (problem) return res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ message: problem }));
      const { status, body } = answer(recorded, stored, () => nextId++);
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, requests, failures, stored, held, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

function setup(grafanaUrl: string, mode: ConsoleMode = 'live', token = 'glsa_s3cret0token') {
  const dir = mkdtempSync(join(tmpdir(), 'warroom-grafana-'));
  const config = loadConfigText(`grafana:\n  url: ${grafanaUrl}\n  token: "\${TOKEN:-}"\n  annotate: [action, severity, state]\n`, join(dir, 'w.yaml'), { TOKEN: token });
  const journal = openIncident(dir, { title: 'Checkout errors', severity: 'P2', operator: 'ana' });
  const store = createWarroomStore();
  store.getState().setIncident({ id: journal.id, title: 'Checkout errors', operator: 'ana', mode, startedAt: journal.events()[0]!.ts });
  const capability = annotationsCapability({ config, store, recorder: journal, mode, operator: 'ana' } as unknown as EngineContext)!;
  return { dir, journal, store, capability };
}

test('the incident as a region, events of the chosen families as tagged annotations, the region closed at resolve', async () => {
  const grafana = await startGrafana();
  const { dir, journal, store, capability } = setup(grafana.url);
  try {
    await capability.start();
    await waitFor(() => journal.events().some((e) => e.kind === 'grafana.region'), { what: 'the region recorded' });
    // Grafana is asked for the incident's region first; there is none, so one is created.
    const [look, region] = grafana.requests;
    assert.equal(look!.method, 'GET');
    assert.equal(look!.path, `/api/annotations?tags=warroom&tags=${journal.id}&tags=incident&type=annotation&limit=100`);
    assert.equal(region!.method, 'POST');
    assert.equal(region!.authorization, 'Bearer glsa_s3cret0token');
    assert.deepEqual(region!.body.tags, ['warroom', journal.id, 'incident']);
    assert.equal(region!.body.text, `${journal.id}: Checkout errors (open)`);
    assert.equal(region!.body.time, journal.events()[0]!.ts);
    assert.ok((region!.body.timeEnd as number) >= (region!.body.time as number));
    assert.equal(journal.events().find((e) => e.kind === 'grafana.region')!.data.annotationId, 100);

    journal.record('incident.severity', { from: 'P2', to: 'P1', reason: 'checkout down for all' });
    journal.record('note', { text: 'looking at the pool' });
    journal.record('note', { text: 'pool resized #grafana' });
    journal.record('metric.panel-added', { title: 'x' });
    journal.record('action.finished', { service: 'checkout-api', action: 'restart', exitCode: 0, durationMs: 1200 });
    const posts = () => grafana.requests.filter((r) => r.method === 'POST');
    await waitFor(() => posts().length === 4, { what: 'three annotations after the region' });
    const [severity, note, action] = posts().slice(1);
    assert.deepEqual(severity!.body.tags, ['warroom', journal.id, 'severity']);
    assert.match(severity!.body.text as string, /P2.*P1.* — ana$/);
    assert.equal(severity!.body.timeEnd, undefined, 'an event is a point, not a region');
    assert.deepEqual(note!.body.tags, ['warroom', journal.id, 'note'], 'a note marked #grafana is posted though note is not listed');
    assert.match(note!.body.text as string, /pool resized #grafana/);
    assert.deepEqual(action!.body.tags, ['warroom', journal.id, 'action']);

    const resolved = journal.record('incident.resolved', { text: 'pool resized' })!;
    await waitFor(() => grafana.requests.some((r) => r.method === 'PATCH'), { what: 'the region patched' });
    await waitFor(() => store.getState().alerts.annotations?.pending === 0, { what: 'the queue drained' });
    const patch = grafana.requests.find((r) => r.method === 'PATCH')!;
    assert.equal(patch.path, '/api/annotations/100');
    assert.equal(patch.body.timeEnd, resolved.ts);
    assert.equal(patch.body.text, `${journal.id}: Checkout errors (resolved)`);
    assert.ok(grafana.requests.some((r) => r.method === 'POST' && (r.body.tags as string[]).includes('state') && /resolved/i.test(r.body.text as string)));
    assert.deepEqual(grafana.requests.map(invalid).filter(Boolean), [], 'every call is a valid Grafana API call');
    const status = store.getState().alerts.annotations!;
    assert.equal(status.error, null);
    assert.equal(status.sent, 6);
  } finally {
    await capability.stop();
    journal.close();
    await grafana.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a console resuming the incident updates its region, never adds a second', async () => {
  const grafana = await startGrafana();
  const first = setup(grafana.url);
  try {
    await first.capability.start();
    await waitFor(() => first.journal.events().some((e) => e.kind === 'grafana.region'), { what: 'the region' });
    await first.capability.stop();
    const again = annotationsCapability({
      config: loadConfigText(`grafana:\n  url: ${grafana.url}\n  token: t\n`, join(first.dir, 'w.yaml'), {}),
      store: first.store,
      recorder: first.journal,
      mode: 'live',
      operator: 'ana',
    } as unknown as EngineContext)!;
    await again.start();
    first.journal.record('incident.resolved', { text: 'done' });
    await waitFor(() => grafana.requests.some((r) => r.method === 'PATCH'), { what: 'the region patched' });
    assert.equal(grafana.requests.filter((r) => (r.body.tags as string[] | undefined)?.includes('incident')).length, 2, 'one POST and one PATCH of the region');
    await again.stop();
  } finally {
    first.journal.close();
    await grafana.close();
    rmSync(first.dir, { recursive: true, force: true });
  }
});

test('two consoles starting together (no shared journal) end on one region; a later console finds it in Grafana', async () => {
  const grafana = await startGrafana();
  const incident = { id: 'INC-7', title: 'Checkout', startedAt: Date.now() - 60_000, resolvedAt: null };
  const consoleOn = (recorder: MemoryRecorder) =>
    new Annotator({ api: new GrafanaClient(grafana.url, 'glsa_tok'), annotate: [], incident: () => incident, own: () => true, recorder, showStatus: () => {} });
  const recorders = [new MemoryRecorder(), new MemoryRecorder()];
  const annotators = recorders.map(consoleOn);
  try {
    // Both look before either creates: both find none and both create one.
    grafana.held.count = 2;
    annotators.forEach((a) => a.openRegion());
    await waitFor(() => recorders.every((r) => r.ofKind('grafana.region').length === 1), { what: 'both consoles settled on a region' });
    await Promise.all(annotators.map((a) => a.idle()));
    assert.equal(grafana.requests.filter((r) => r.method === 'POST').length, 2, 'both created one');
    assert.deepEqual(grafana.requests.filter((r) => r.method === 'DELETE').map((r) => r.path), ['/api/annotations/101'], 'the younger one deleted by its creator');
    assert.deepEqual([...grafana.stored.keys()], [100], 'one region left in Grafana');
    assert.deepEqual(recorders.map((r) => r.ofKind('grafana.region')[0]!.data.annotationId), [100, 100], 'both consoles update the same region');

    // A console on another machine (its own journal) finds it rather than adding one.
    const later = new MemoryRecorder();
    const third = consoleOn(later);
    third.openRegion();
    await waitFor(() => later.ofKind('grafana.region').length === 1, { what: 'the region found' });
    assert.equal(later.ofKind('grafana.region')[0]!.data.annotationId, 100);
    assert.equal(grafana.requests.filter((r) => r.method === 'POST').length, 2, 'no region added');
    assert.deepEqual(grafana.requests.map(invalid).filter(Boolean), [], 'every call is a valid Grafana API call');
    third.stop();
  } finally {
    annotators.forEach((a) => a.stop());
    await grafana.close();
  }
});

test('Grafana failing: shown with the reason, retried in order, nothing lost; a refused annotation is dropped and counted', async () => {
  const grafana = await startGrafana();
  const recorder = new MemoryRecorder();
  const statuses: string[] = [];
  let last: AnnotationStatus | null = null;
  let own = 0;
  const event = (kind: string, data: Record<string, unknown>): TimelineEvent => ({ v: 1, id: `e${own++}`, ts: Date.now(), operator: 'ana', kind, data });
  const annotator = new Annotator({
    api: new GrafanaClient(grafana.url, 'glsa_tok', 2000),
    annotate: ['severity', 'action'],
    incident: () => ({ id: 'INC-1', title: 'T', startedAt: Date.now() - 60_000, resolvedAt: null }),
    own: (e) => e.id !== 'theirs',
    recorder,
    showStatus: (s) => (last = s) && statuses.push(s.error ?? (s.pending > 0 ? `pending ${s.pending}` : `sent ${s.sent}`)),
    retryBaseMs: 50,
  });
  try {
    grafana.failures.push({ status: 503, body: '{"message":"database is locked"}' }, { status: 401, body: '{"message":"invalid API key"}' });
    annotator.follow([
      event('incident.severity', { from: 'P2', to: 'P1' }),
      event('action.started', { service: 'a', action: 'restart' }),
      { ...event('incident.severity', { from: 'P1', to: 'P0' }), id: 'theirs' },
    ]);
    await waitFor(() => grafana.requests.length === 2, { what: 'both sent after the retries' });
    await annotator.idle();
    assert.ok(statuses.includes('Grafana: HTTP 503: database is locked'), statuses.join(' | '));
    assert.ok(statuses.includes('Grafana: HTTP 401: invalid API key'), 'auth failures are retried too (a token can be fixed)');
    assert.deepEqual(grafana.requests.map((r) => (r.body.tags as string[])[2]), ['severity', 'action'], 'in order, and another console\'s event is not posted here');
    assert.equal(statuses.at(-1), 'sent 2');
    assert.ok(!statuses.some((s) => s.includes('glsa_tok')), 'the token never reaches the status');

    grafana.failures.push({ status: 400, body: '{"message":"bad request data"}' });
    annotator.follow([event('incident.severity', { from: 'P0', to: 'P1' }), event('action.finished', { service: 'a', action: 'restart', exitCode: 0 })]);
    await waitFor(() => grafana.requests.length === 3, { what: 'the next one after a refused one' });
    await annotator.idle();
    assert.ok(statuses.includes('Grafana: HTTP 400: bad request data'));
    assert.deepEqual({ sent: last!.sent, dropped: last!.dropped, pending: last!.pending, error: last!.error }, { sent: 3, dropped: 1, pending: 0, error: null });
  } finally {
    annotator.stop();
    await grafana.close();
  }
});

test('off, and saying why, without a token, in a read-only console and in a dry run: nothing is sent', async () => {
  const grafana = await startGrafana();
  try {
    for (const [mode, token, says] of [
      ['live', '', 'off: grafana.token is empty'],
      ['read-only', 't', 'off in a read-only console'],
      ['dry-run', 't', 'off in a dry run: nothing is posted'],
    ] as const) {
      const { dir, journal, store, capability } = setup(grafana.url, mode, token);
      await capability.start();
      journal.record('incident.severity', { from: 'P2', to: 'P1' });
      assert.equal(store.getState().alerts.annotations?.off, says);
      await capability.stop();
      journal.close();
      rmSync(dir, { recursive: true, force: true });
    }
    // Nothing arrives late either: a request would be recorded by now if one had been sent.
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(grafana.requests.length, 0);
  } finally {
    await grafana.close();
  }
});
