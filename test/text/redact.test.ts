import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRedactor, redact, redactData } from '../../src/text/redact.js';
import { openIncident } from '../../src/timeline/incidents.js';
import { exportJson, exportMarkdown } from '../../src/export/index.js';
import { describeEvent } from '../../src/timeline/describe.js';

const settings = {
  secrets: ['s3cr3t-header-value', 'hunter2hunter2'],
  timeline: { redact: ['X-API-Key: \\S+', 'session=(?:[a-f0-9]+)', 'sid/[0-9a-f]{8}'] },
  // Given explicitly, so the machine's own environment does not change the results.
  env: { DB_PASSWORD: 'Zx9-env-secret', PAYMENTS_API_TOKEN: 'tok-from-env-77', PWD: '/srv/app', HOME: '/home/ana', TOKEN_TTL: '3600000' },
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
  // The shapes the attack review found missing or over-eager.
  ['curl -u user:pass', 'curl -sf -u admin:pa55word https://x/api/health', 'pa55word', 'https://x/api/health'],
  ['curl --user=', 'curl --user=ops:Tr0ub4dor http://127.0.0.1/x', 'Tr0ub4dor', 'http://127.0.0.1/x'],
  ['curl -uuser:pass glued', 'curl -uops:Gl8edPass http://h/', 'Gl8edPass', 'http://h/'],
  ['mysql -pPASS', 'mysql -h db-1 -u root -pS3cretPw shop -e "select 1"', 'S3cretPw', 'shop -e "select 1"'],
  ['mysqldump -p quoted', "mysqldump -u app -p'my pass wd' shop > dump.sql", 'my pass wd', 'shop > dump.sql'],
  ['redis-cli -a', 'redis-cli -h cache -a r3disPass ping', 'r3disPass', 'ping'],
  ['redis-cli --pass', 'redis-cli --pass Rp4ss-word info', 'Rp4ss-word', 'info'],
  ['?sig= (signed URL)', 'GET https://acct.blob.example/c/b?sv=2020&sig=abcDEF123%3D&se=2030', 'abcDEF123%3D', 'se=2030'],
  ['?token=', 'GET /download?token=tk9f8e7d6c&x=1', 'tk9f8e7d6c', 'x=1'],
  ['&access_token=', 'GET /feed?page=2&access_token=ya29.a0AfH6SM', 'ya29.a0AfH6SM', 'page=2'],
  ['X-Amz-Signature', 'https://b.s3/o?X-Amz-Signature=f00dfeed1234&X-Amz-Date=1', 'f00dfeed1234', 'X-Amz-Date=1'],
  ['X-Api-Key keeps the rest of the command', 'curl -H "X-Api-Key: k-12345" https://api/v1/things -o out.json', 'k-12345', '" https://api/v1/things -o out.json'],
  ['Authorization in single quotes', "curl -H 'Authorization: Bearer sk_abcdefgh1234' http://svc/admin", 'sk_abcdefgh1234', "' http://svc/admin"],
  ['letters-only long bearer token', 'Authorization: Bearer abcdefghijklmnopqrstuvwxyz next', 'abcdefghijklmnopqrstuvwxyz', 'next'],
  ['bearer echoed by curl -v', '> Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl', 'eyJhbGciOiJIUzI1NiJ9', '> Authorization:'],
  ['JSON password with spaces', '{"password": "correct horse battery", "user": "ana"}', 'correct horse battery', '"user": "ana"'],
  ['Cookie header', 'Cookie: session=abc123; theme=dark', 'abc123', 'Cookie:'],
  ['password with a raw @ in a URL', 'https://bob:p@ssw0rd@host.example/x', 'ssw0rd', 'host.example/x'],
  ['JSON web token alone', 'jwt=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl seen', 'eyJzdWIiOiIxIn0', 'seen'],
  ['GitLab token', 'PRIVATE glpat-abcdefghijklmnopqrstu', 'glpat-abcdefghijklmnopqrstu', 'PRIVATE'],
  ['Stripe key', 'using sk_live_abcdefghijklmnop1234', 'sk_live_abcdefghijklmnop1234', 'using'],
  ['secret-named env value anywhere', 'mysql -u root -pZx9-env-secret && echo Zx9-env-secret', 'Zx9-env-secret', '&& echo'],
  ['another secret-named env value', 'x-token-echo tok-from-env-77 done', 'tok-from-env-77', 'done'],
];

/** Texts that look close to a secret but are not one: each must come back unchanged. */
const UNCHANGED: string[] = [
  'date -u +%H:%M',
  'ssh -p 2222 ana@bastion',
  'mysql -h db -P 3306 -p shop',
  'sort -u names.txt',
  'docker run -p 8080:80 nginx',
  'Basic auth broke after deploy 4812',
  'cd /srv/app && ls',
  'took 3600000 ms',
  'GET /search?q=token+bucket&page=2',
];

for (const text of UNCHANGED) {
  test(`leaves alone: ${text}`, () => assert.equal(createRedactor(settings)(text), text));
}

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
  assert.throws(() => createRedactor({ timeline: { redact: ['(unclosed'] } }), /timeline.redact: "\(unclosed": not a valid pattern/);
});

test('a catastrophic-backtracking pattern runs in linear time', () => {
  const redactor = createRedactor({ timeline: { redact: ['(a+)+$'] }, env: {} });
  const line = `${'a'.repeat(40)}!`;
  // On V8's engine this line takes more than 30 s; a generous bound still proves linear time.
  const started = performance.now();
  for (let i = 0; i < 100; i++) redactor(line);
  assert.ok(performance.now() - started < 5000);
  // A capture group is kept before the mask (the label convention of timeline.redact).
  assert.equal(redactor('xaaa'), 'xaaa***');
  assert.equal(createRedactor({ timeline: { redact: ['(?:a+)+$'] }, env: {} })('xaaa'), 'x***');
});

test('withSecrets masks values learnt at run time as well', async () => {
  const { withSecrets } = await import('../../src/text/redact.js');
  const redactor = withSecrets(createRedactor({ env: {} }), ['typed-in-secret', 'ab']);
  assert.equal(redactor('echo typed-in-secret ab'), 'echo *** ab');
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
