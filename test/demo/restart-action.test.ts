import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadConfigText } from '../../src/config/index.js';
import { startDemoEstate } from '../../src/demo/index.js';
import { demoRunbookPath } from '../../src/demo/locations.js';
import { createExecutor } from '../../src/exec/index.js';
import { waitFor } from '../helpers/wait-for.js';
import { tryConnect } from './estate-probes.js';

// The whole loop the console runs, minus the screen: the demo config loaded like any other,
// the configured restart action and a runbook command run through the real executor.
test('the configured restart action, run by the executor, brings checkout-api back', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'warroom-demo-test-'));
  const estate = await startDemoEstate({ dir, speed: 20 });
  const executor = createExecutor({ hosts: {} });
  try {
    Object.assign(process.env, estate.env());
    const config = loadConfigText(estate.configYaml(), join(dir, 'warroom.yaml'));
    const checkout = estate.info.services.find((s) => s.name === 'checkout-api')!;
    await waitFor(async () => (await tryConnect(checkout.port)) === 'ECONNREFUSED', { what: 'checkout-api down', timeoutMs: 30_000 });

    const action = config.services.find((s) => s.name === 'checkout-api')!.actions.restart!;
    const result = await executor.run(action.targets[0]!.run, { timeoutMs: action.timeoutMs });
    assert.equal(result.exitCode, 0, `${result.stderr}${result.error ?? ''}`);
    assert.match(result.stdout, /checkout-api restarted \(was down\)/);
    assert.equal(estate.phases()['checkout-api'], 'healthy');

    // A runbook step as the runbook pane runs it: the demo's variables come from the environment.
    const runbook = await readFile(demoRunbookPath(), 'utf8');
    assert.ok(runbook.includes('curl -s --max-time 3 "$CHECKOUT_URL/health"'));
    const step = await executor.run('curl -s --max-time 3 "$CHECKOUT_URL/health"', { timeoutMs: 10_000 });
    assert.equal(step.exitCode, 0, step.stderr);
    assert.equal((JSON.parse(step.stdout) as { status: string }).status, 'healthy');
  } finally {
    await executor.close();
    await estate.stop();
    await rm(dir, { recursive: true, force: true });
  }
});
