import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRedactor, redact, redactData } from '../../src/timeline/redact.js';
import { openIncident } from '../../src/timeline/incidents.js';
import { exportJson, exportMarkdown } from '../../src/export/index.js';
import { describeEvent } from '../../src/timeline/describe.js';

const settings = {
  secrets: ['s3cr3t-header-value', 'hunter2hunter2'],
  timeline: { redact: ['X-API-Key: \\S+', 'session=(?:[a-f0-9]+)', 'sid/[0-9a-f]{8}'] },
};

/** [what, text containing the secret, the secret, what must survive]. */
const CASES: [string, string, string, string][] = [
  ['bearer token', 'curl -H "x: Bearer eyJhbGciOiJIUzI1NiJ9.e30.abc123"', 'eyJhbGciOiJIUzI1NiJ9.e30.abc123', 'Bearer'],
  ['basic credentials', 'auth was Basic dXNlcjpwYXNzd29yZA== rejected', 'dXNlcjpwYXNzd29yZA==', 'rejected'],
  ['Authorization header', 'Authorization: Token abcdef', 'Token abcdef', 'Authorization:'],
  ['authorization in JSON', '{"authorization":"Bearer zzz"}', 'zzz', 'authorization'],
  ['password in URL', 'connect postgresql://app:Pa55word!@db-1:5432/shop failed', 'Pa55word!', 'postgresql://app:***@db-1'],
  ['redis URL password', 'redis://:topsecret99@cache:6379', 'topsecret99', 'cache:6379'],
  ['api_key query', 'GET /v1?api_key=abcd1234efgh&x=1', 'abcd1234efgh', 'x=1'],
  ['api-key', 'api-key=QWERTY987654', 'QWERTY987654', 'api-key='],
  ['apikey yaml', 'apikey: zxcvbnm123', 'zxcvbnm123', 'apikey'],
  ['password=', 'DB_PASSWORD=correcthorse', 'correcthorse', 'DB_PASSWORD'],
  ['AWS access key', 'using AKIAIOSFODNN7EXAMPLE now', 'AKIAIOSFODNN7EXAMPLE', 'now'],
  ['AWS secret', 'aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'wJalrXUtnFEMI', 'aws_secret_access_key'],
  ['GitHub classic token', 'token ghp_abcdefghijklmnopqrstuvwxyz0123456789 leaked', 'ghp_abcdefghijklmnopqrstuvwxyz0123456789', 'leaked'],
  ['GitHub fine-grained', 'github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz', 'github_pat_11ABCDEFG', ''],
  ['Slack bot token', 'SLACK xoxb-123456789012-1234567890123-AbCdEfGhIjKl', 'xoxb-123456789012', 'SLACK'],
  ['Slack user token', 'xoxp-1111-2222-3333-abcdef', 'xoxp-1111', ''],
  ['Slack webhook', 'posted to https://hooks.slack.com/services/T000/B000/XXXXXXXXXXXXXXXX ok', 'T000/B000/XXXXXXXXXXXXXXXX', 'hooks.slack.com'],
  ['PagerDuty routing key', '{"routing_key":"0123456789abcdef0123456789abcdef"}', '0123456789abcdef0123456789abcdef', 'routing_key'],
  ['routingKey', 'routingKey: fedcba9876543210fedcba9876543210', 'fedcba9876543210fedcba9876543210', 'routingKey'],
  ['configured secret value', 'probe sent s3cr3t-header-value upstream', 's3cr3t-header-value', 'upstream'],
  ['configured secret inside a word', 'xxhunter2hunter2yy', 'hunter2hunter2', 'xx'],
  ['X-API-Key header', 'X-API-Key: k-998877', 'k-998877', ''],
  ['timeline.redact pattern', 'trace sid/0badc0de ok', '0badc0de', 'ok'],
  ['timeline.redact second pattern', 'cookie jar session=deadbeef01', 'deadbeef01', 'jar'],
];

for (const [what, text, secret, kept] of CASES) {
  test(`redacts ${what}`, () => {
    const out = createRedactor(settings)(text);
    assert.ok(!out.includes(secret), `${out} still contains ${secret}`);
    assert.ok(out.includes(kept), `${out} lost ${kept}`);
  });
}

test('plain incident prose is left alone', () => {
  const prose = 'Basic auth broke after deploy 4812; bearer of bad news: the token expired at 13:52';
  assert.equal(redact(prose), prose);
});

test('redactData masks secret-named keys and every nested string', () => {
  const data = { headers: { Authorization: 'x', 'X-Api-Key': 'abc' }, list: ['postgres://u:pw12345@h/db'], n: 3 };
  assert.deepEqual(redactData(data), { headers: { Authorization: '***', 'X-Api-Key': '***' }, list: ['postgres://u:***@h/db'], n: 3 });
});

test('invalid timeline.redact patterns are a plain error naming the pattern', () => {
  assert.throws(() => createRedactor({ timeline: { redact: ['(unclosed'] } }), /timeline.redact: invalid pattern "\(unclosed"/);
});

test('no secret reaches the journal, the screen text or either export', () => {
  const dir = mkdtempSync(join(tmpdir(), 'warroom-redact-'));
  const journal = openIncident(dir, {
    title: 'redaction',
    severity: 'P2',
    operator: 'ana',
    follow: false,
    redactor: createRedactor(settings),
  });
  for (const [what, text] of CASES) {
    journal.record('note', { text });
    journal.record('action.finished', { service: 'svc', action: what, target: 'app-1', command: text, exitCode: 0, durationMs: 5 });
  }
  const screen = journal.events().map(describeEvent).join('\n');
  const file = readFileSync(journal.path, 'utf8');
  // Unescaped, so a secret cannot hide behind Markdown backslash escapes.
  const md = exportMarkdown(journal.events(), { id: journal.id }).replace(/\\(.)/g, '$1');
  const json = exportJson(journal.events(), { id: journal.id });
  journal.close();
  for (const [what, , secret] of CASES) {
    for (const [where, content] of [['journal', file], ['screen', screen], ['markdown', md], ['json', json]] as const) {
      assert.ok(!content.includes(secret), `${what}: ${where} contains the secret`);
    }
  }
});
