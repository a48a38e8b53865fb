import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parse } from 'yaml';
import { lintConfig, loadConfigText } from '../../src/config/index.js';
import { startDemoEstate, type DemoEstate } from '../../src/demo/index.js';

interface DemoYaml {
  incident: { title: string; severity: string; runbook: string };
  services: { name: string; checks: Record<string, unknown>[]; logs?: { file: string }[]; actions?: Record<string, { run: string; confirm: string }> }[];
  metrics: { prometheus?: string; panels: { title: string; scrape: string; metric: string; labels?: Record<string, string>; warn?: number; crit?: number }[] };
  escalation: { policy: { after: string; notify: string }[]; contacts: Record<string, { webhook: { url: string } }> };
  timeline: { dir: string };
}

describe('the demo config', () => {
  let estate: DemoEstate;
  let dir: string;
  let config: DemoYaml;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'warroom-demo-test-'));
    estate = await startDemoEstate({ dir, scriptedIncident: false, timelineDir: join(dir, 'tl') });
    config = parse(estate.configYaml()) as DemoYaml;
  });

  after(async () => {
    await estate.stop();
    await rm(dir, { recursive: true, force: true });
  });

  test('is commented YAML with an incident pointing at the shipped runbook', () => {
    assert.match(estate.configYaml(), /^# /);
    assert.equal(config.incident.severity, 'P2');
    assert.ok(existsSync(config.incident.runbook), config.incident.runbook);
    assert.match(config.incident.runbook, /runbooks\/demo-estate\.md$/);
  });

  test('checks every HTTP service on its real port, plus the database and a command', () => {
    for (const service of estate.info.services) {
      const entry = config.services.find((s) => s.name === service.name);
      assert.ok(entry, service.name);
      assert.equal(entry.checks[0]!.http, `http://127.0.0.1:${service.port}/health`);
      assert.deepEqual(entry.checks[0]!.expect, { status: 200, json: { status: 'healthy' } });
      assert.equal(entry.logs?.[0]?.file, service.logFile);
      assert.equal(entry.actions?.restart?.confirm, 'yes');
      assert.ok(entry.actions?.restart?.run.includes(`restart ${service.name} --control ${estate.info.controlUrl}`));
    }
    const checks = config.services.flatMap((s) => s.checks);
    assert.ok(checks.some((c) => c.tcp === `127.0.0.1:${estate.info.database.port}`));
    assert.ok(checks.some((c) => typeof c.command === 'string' && c.command.includes(estate.info.logDir)));
  });

  test('scrapes metrics without Prometheus, with thresholds on 5xx and queue depth', () => {
    assert.equal(config.metrics.prometheus, undefined);
    const checkout = estate.info.services.find((s) => s.name === 'checkout-api')!;
    const errors = config.metrics.panels.find((p) => p.labels?.status === '500' && p.scrape.startsWith(checkout.url));
    assert.ok(errors && errors.metric === 'http_requests_total' && errors.warn !== undefined && errors.crit !== undefined);
    const queue = config.metrics.panels.find((p) => p.metric === 'queue_size');
    assert.ok(queue && queue.crit !== undefined);
  });

  test('pages webhook contacts on the local sink and keeps the timeline where asked', () => {
    const contacts = Object.values(config.escalation.contacts);
    assert.ok(contacts.length >= 2);
    for (const contact of contacts) assert.ok(contact.webhook.url.startsWith(`${estate.info.webhookUrl}/page/`));
    for (const step of config.escalation.policy) assert.ok(config.escalation.contacts[step.notify], step.notify);
    assert.equal(config.timeline.dir, join(dir, 'tl'));
  });

  test('contains no environment placeholders the loader would try to fill', () => {
    assert.doesNotMatch(estate.configYaml(), /\$\{/);
  });

  test('loads through the real config loader with no problems and no lint warnings', () => {
    const loaded = loadConfigText(estate.configYaml(), join(dir, 'warroom.yaml'), {});
    assert.deepEqual(lintConfig(loaded), []);
    const names = loaded.services.map((s) => s.name);
    for (const service of estate.info.services) assert.ok(names.includes(service.name));
    const checkout = loaded.services.find((s) => s.name === 'checkout-api')!;
    assert.equal(checkout.checks[0]!.kind, 'http');
    assert.equal(checkout.actions.restart!.targets[0]!.host, undefined);
    assert.equal(checkout.actions.restart!.confirm, 'yes');
    assert.equal(loaded.metrics?.panels.length, config.metrics.panels.length);
    assert.equal(loaded.escalation?.policy.length, 3);
    assert.equal(loaded.incident.runbook, config.incident.runbook);
    assert.equal(loaded.timeline.dir, join(dir, 'tl'));
  });
});
