// `dns:` checks against a real DNS server on loopback: a small UDP responder that answers A
// queries from a table with hand-built packets (RFC 1035), says NXDOMAIN for other names, and
// never answers one name (for the timeout). The check is loaded from YAML and run by the board's
// own factory, as a console would.
import assert from 'node:assert/strict';
import { createSocket, type Socket } from 'node:dgram';
import { after, before, test } from 'node:test';
import { ConfigError, loadConfigText } from '../../../src/config/load.js';
import { createChecks } from '../../../src/probes/check-factory.js';
import { createExecutor } from '../../../src/exec/index.js';

const RECORDS: Record<string, string[]> = {
  'checkout.internal': ['10.0.0.5'],
  'db.internal': ['10.0.0.7', '10.0.0.8'],
};
const SILENT = 'silent.internal';

/** The question's name, and where the question ends, in a query packet. */
function readQuestion(query: Buffer): { name: string; end: number } {
  const labels: string[] = [];
  let at = 12;
  while (query[at]! !== 0) {
    const length = query[at]!;
    labels.push(query.subarray(at + 1, at + 1 + length).toString('ascii'));
    at += 1 + length;
  }
  return { name: labels.join('.').toLowerCase(), end: at + 5 };
}

/** An answer to `query`: its id and question, then one A record per address (NXDOMAIN with none). */
function answer(query: Buffer, addresses: string[] | undefined): Buffer {
  const { end } = readQuestion(query);
  const header = Buffer.alloc(12);
  query.copy(header, 0, 0, 2);
  header.writeUInt16BE(addresses ? 0x8180 : 0x8183, 2);
  header.writeUInt16BE(1, 4);
  header.writeUInt16BE(addresses?.length ?? 0, 6);
  const records = (addresses ?? []).map((address) => {
    const record = Buffer.alloc(16);
    record.writeUInt16BE(0xc00c, 0); // the name: a pointer to the question's
    record.writeUInt16BE(1, 2); // A
    record.writeUInt16BE(1, 4); // IN
    record.writeUInt32BE(30, 6); // TTL
    record.writeUInt16BE(4, 10);
    address.split('.').forEach((octet, i) => record.writeUInt8(Number(octet), 12 + i));
    return record;
  });
  return Buffer.concat([header, query.subarray(12, end), ...records]);
}

let server: Socket;
let port = 0;
const queries: string[] = [];

before(async () => {
  server = createSocket('udp4');
  server.on('message', (query, from) => {
    const { name } = readQuestion(query);
    queries.push(name);
    if (name === SILENT) return;
    server.send(answer(query, RECORDS[name]), from.port, from.address);
  });
  await new Promise<void>((resolve) => server.bind(0, '127.0.0.1', resolve));
  port = server.address().port;
});

after(() => server.close());

function configWith(checks: string) {
  return loadConfigText(`services:\n  - name: api\n    checks:\n${checks}`, 'warroom.yaml', {});
}

async function probe(checks: string) {
  const config = configWith(checks);
  const executor = createExecutor({ hosts: {} });
  try {
    const [check] = createChecks(config, { executor });
    const [outcome] = await check!.run();
    return { row: check!.initialRows()[0]!, outcome: outcome! };
  } finally {
    await executor.close();
  }
}

test('a name that resolves is UP, with the answer as its reason', async () => {
  const { row, outcome } = await probe(`      - dns: checkout.internal\n        server: 127.0.0.1:${port}\n`);
  assert.deepEqual([outcome.state, outcome.reason], ['UP', 'answered 10.0.0.5']);
  assert.ok(outcome.latencyMs !== null && outcome.latencyMs >= 0);
  assert.deepEqual([row.kind, row.check, row.target], ['dns', 'checkout.internal', 'checkout.internal']);
  assert.ok(queries.includes('checkout.internal'), 'the question reached the server');
});

test('expect: answer is UP when among the answers, DEGRADED when not', async () => {
  const among = await probe(`      - dns: db.internal\n        server: 127.0.0.1:${port}\n        expect: { answer: 10.0.0.8 }\n`);
  assert.deepEqual([among.outcome.state, among.outcome.reason], ['UP', 'answered 10.0.0.7, 10.0.0.8']);
  const moved = await probe(`      - dns: checkout.internal\n        server: 127.0.0.1:${port}\n        expect: { answer: 10.0.0.9 }\n`);
  assert.deepEqual([moved.outcome.state, moved.outcome.reason], ['DEGRADED', 'answered 10.0.0.5, expected 10.0.0.9']);
});

test('an unknown name is DOWN, and so is a server that never answers (within the timeout)', async () => {
  const unknown = await probe(`      - dns: gone.internal\n        server: 127.0.0.1:${port}\n`);
  assert.deepEqual([unknown.outcome.state, unknown.outcome.reason], ['DOWN', 'no such name']);
  const silent = await probe(`      - dns: ${SILENT}\n        server: 127.0.0.1:${port}\n        timeout: 300ms\n`);
  assert.deepEqual([silent.outcome.state, silent.outcome.reason], ['DOWN', 'timeout 300ms']);
});

test('bad dns checks are config errors at their line, and the kinds list names dns:', () => {
  const cases: [string, string][] = [
    ['      - dns: "not a name!"\n', 'expected a host name to resolve'],
    ['      - dns: checkout.internal\n        server: "127.0.0.1:53 ; rm"\n', 'expected a DNS server as host or host:port'],
    ['      - dns: checkout.internal\n        expect: { answer: nowhere }\n', 'expected an IPv4 address'],
    ['      - dns: checkout.internal\n        expect: { status: 200 }\n', 'does not apply to dns checks'],
    ['      - tcp: 127.0.0.1:5432\n        server: 127.0.0.1:53\n', 'applies to dns checks only'],
    ['      - tcp: 127.0.0.1:5432\n        expect: { answer: 10.0.0.5 }\n', 'applies to http and dns checks only'],
    ['      - label: nothing\n', 'a check needs one of http:, tcp:, command:, promql: or dns:'],
  ];
  for (const [yaml, says] of cases) {
    assert.throws(() => configWith(yaml), (error: unknown) => error instanceof ConfigError && error.message.includes(says), `${says} for\n${yaml}`);
  }
});
