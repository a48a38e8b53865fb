import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { PrometheusConfig } from '../../src/config/types.js';
import { createHttpPool } from '../../src/probes/http-pool.js';
import { PromqlCheck, distinguishingLabels } from '../../src/probes/promql-check.js';
import { closedPort, promqlConfig, startHttp, type Loopback } from './loopback.js';

// A fake Prometheus query API: answers /api/v1/query from a mutable list of series.
let series: { metric: Record<string, string>; value: [number, string] }[] = [];
let lastAuth: string | undefined;
let prom: Loopback;
const pool = createHttpPool();

before(async () => {
  prom = await startHttp((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    lastAuth = req.headers.authorization;
    if (url.pathname !== '/api/v1/query') return res.writeHead(404).end();
    if (url.searchParams.get('query') === 'bad(') {
      return res.writeHead(400).end(JSON.stringify({ status: 'error', errorType: 'bad_data', error: 'parse error' }));
    }
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ status: 'success', data: { resultType: 'vector', result: series } }));
  });
});
after(async () => {
  await prom.close();
  await pool.close();
});

const sample = (instance: string, value: string) => ({ metric: { __name__: 'probe_success', job: 'blackbox', instance }, value: [1, value] as [number, string] });

describe('PromqlCheck', () => {
  it('makes one row per series, labelled by what tells them apart', async () => {
    series = [sample('a:9100', '1'), sample('b:9100', '0')];
    const config: PrometheusConfig = { url: prom.url(''), headers: {}, bearerToken: 'tok' };
    const check = new PromqlCheck(promqlConfig('probe_success{job="blackbox"}'), config, pool);
    const outcomes = await check.run();
    const rows = outcomes.filter((o) => !o.gone);
    assert.deepEqual(rows.map((o) => [o.row.instance, o.state]), [['a:9100', 'UP'], ['b:9100', 'DOWN']]);
    assert.equal(new Set(rows.map((o) => o.row.id)).size, 2);
    assert.equal(lastAuth, 'Bearer tok');
    assert.ok(!JSON.stringify(outcomes).includes('tok"'), 'token never in results');
    // The placeholder row shown before the first answer is retired once series exist.
    assert.deepEqual(outcomes.filter((o) => o.gone).map((o) => o.row.id), ['fleet#0']);

    series = [sample('a:9100', '1')];
    const again = await check.run();
    assert.deepEqual(again.map((o) => [o.row.instance, o.state, o.reason]), [['a:9100', 'UP', 'value 1'], ['b:9100', 'UNKNOWN', 'series absent']]);
  });

  it('shows a placeholder row when the query returns nothing', async () => {
    series = [];
    const check = new PromqlCheck(promqlConfig('up{job="none"}'), { url: prom.url(''), headers: {} }, pool);
    const outcomes = await check.run();
    assert.deepEqual(outcomes.map((o) => [o.row.id, o.state, o.reason]), [['fleet#0', 'UNKNOWN', 'query returned no series']]);
  });

  it('reports query errors and an unreachable Prometheus as UNKNOWN', async () => {
    const bad = await new PromqlCheck(promqlConfig('bad('), { url: prom.url(''), headers: {} }, pool).run();
    assert.deepEqual(bad.map((o) => [o.state, o.reason]), [['UNKNOWN', 'prometheus: parse error']]);
    const port = await closedPort();
    const down = await new PromqlCheck(promqlConfig('up'), { url: `http://127.0.0.1:${port}`, headers: {} }, pool).run();
    assert.deepEqual(down.map((o) => [o.state, o.reason]), [['UNKNOWN', 'prometheus: connection refused']]);
  });

  it('is UNKNOWN without a configured Prometheus', async () => {
    const outcomes = await new PromqlCheck(promqlConfig('up'), undefined, pool).run();
    assert.equal(outcomes[0]?.state, 'UNKNOWN');
    assert.match(outcomes[0]?.reason ?? '', /metrics\.prometheus/);
  });

  it('picks distinguishing labels', () => {
    assert.deepEqual(distinguishingLabels([{ job: 'a', instance: 'x' }, { job: 'a', instance: 'y' }]), ['instance']);
    assert.deepEqual(distinguishingLabels([{ job: 'a', instance: 'x' }, { job: 'b', instance: 'y' }]), ['instance', 'job']);
    assert.deepEqual(distinguishingLabels([{ job: 'a', instance: 'x' }]), ['instance']);
  });
});
