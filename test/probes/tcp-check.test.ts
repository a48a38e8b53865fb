import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TcpCheck } from '../../src/probes/tcp-check.js';
import { closedPort, startTcp, tcpConfig } from './loopback.js';

describe('TcpCheck', () => {
  it('is UP when the port accepts a connection', async () => {
    const server = await startTcp();
    try {
      const [outcome] = await new TcpCheck(tcpConfig(server.port)).run();
      assert.equal(outcome?.state, 'UP');
      assert.equal(outcome?.row.target, `127.0.0.1:${server.port}`);
      assert.equal(typeof outcome?.latencyMs, 'number');
    } finally {
      await server.close();
    }
  });

  it('is DOWN with "connection refused" on a closed port', async () => {
    const port = await closedPort();
    const [outcome] = await new TcpCheck(tcpConfig(port)).run();
    assert.deepEqual([outcome?.state, outcome?.reason], ['DOWN', 'connection refused']);
  });

  it('is UNKNOWN when cancelled', async () => {
    const server = await startTcp();
    try {
      const controller = new AbortController();
      controller.abort();
      const [outcome] = await new TcpCheck(tcpConfig(server.port)).run(controller.signal);
      assert.deepEqual([outcome?.state, outcome?.reason], ['UNKNOWN', 'cancelled']);
    } finally {
      await server.close();
    }
  });
});
