import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { CommandCheck } from '../../src/probes/command-check.js';
import { commandConfig } from './loopback.js';
import { testExecutor, unreachableHost } from './test-executor.js';

const executor = testExecutor();
after(() => executor.close());

describe('CommandCheck', () => {
  const cases = [
    { command: 'true', state: 'UP', reason: /^exit 0$/ },
    { command: 'echo active', state: 'UP', reason: /^exit 0$/ },
    { command: 'echo inactive; exit 3', state: 'DOWN', reason: /^exit 3: inactive$/ },
    { command: 'false', state: 'DOWN', reason: /^exit 1$/ },
    { command: 'no-such-program-here', state: 'UNKNOWN', reason: /command not found/ },
    { command: 'echo "\u001b[31mred\u001b[0m" >&2; exit 2', state: 'DOWN', reason: /^exit 2: red$/ },
  ];
  for (const c of cases) {
    it(`${c.command} -> ${c.state}`, async () => {
      const [outcome] = await new CommandCheck(commandConfig(c.command), executor).run();
      assert.equal(outcome?.state, c.state);
      assert.match(outcome?.reason ?? '', c.reason);
    });
  }

  it('times out with the check timeout', async () => {
    const [outcome] = await new CommandCheck(commandConfig('sleep 10', { timeoutMs: 300 }), executor).run();
    assert.deepEqual([outcome?.state, outcome?.reason], ['DOWN', 'timeout 300ms']);
  });

  it('is UNKNOWN when the host cannot be reached', async () => {
    const remote = testExecutor({ 'app-2': await unreachableHost('app-2') });
    const [outcome] = await new CommandCheck(commandConfig('systemctl is-active x', { host: 'app-2', timeoutMs: 10_000 }), remote).run();
    await remote.close();
    assert.equal(outcome?.state, 'UNKNOWN');
    assert.match(outcome?.reason ?? '', /app-2.*connection refused/);
    assert.equal(outcome?.row.target, 'app-2: systemctl is-active x');
  });

  it('keeps an escape-free excerpt of the output', async () => {
    const [outcome] = await new CommandCheck(commandConfig('printf "line1\\033]0;x\\007\\nline2"'), executor).run();
    assert.equal(outcome?.state, 'UP');
    assert.ok(outcome?.body?.includes('line2'));
    assert.ok(!outcome?.body?.includes('\u001b'));
  });
});
