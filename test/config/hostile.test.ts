// Hostile configs: each one either loads safely or is refused with a message naming file:line:col
// and the key. None may crash the loader, hang it, pollute prototypes, or let terminal controls
// through to what the console shows. Table-driven: the cases are data.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, loadConfigText } from '../../src/config/load.js';
import type { WarroomConfig } from '../../src/config/types.js';
import { createRedactor } from '../../src/text/redact.js';

/** A service around `body` (indented as under `- name: api`). */
const svc = (body: string): string => `services:\n  - name: api\n${body}`;
/** One http check with the given extra lines (indented 8). */
const check = (extra: string): string => svc(`    checks:\n      - http: http://127.0.0.1:1/health\n${extra}`);

interface Refused {
  name: string;
  yaml: string;
  env?: Record<string, string>;
  /** line:col of the first problem. */
  at: string | RegExp;
  says: string | RegExp;
}
interface Loads {
  name: string;
  yaml: string;
  env?: Record<string, string>;
  loads: (config: WarroomConfig) => void;
}

const laughs = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...'bcdefg'.split('').map((c, i) => `${c}: &${c} [${Array(9).fill(`*${'abcdefg'[i]}`).join(',')}]`)].join('\n');

const REFUSED: Refused[] = [
  // Durations: timers take at most 2^31-1 ms; beyond it Node fires them after 1 ms.
  { name: 'check interval 30d', yaml: check('        interval: 30d\n'), at: '5:19', says: 'expected a duration from 1s to 1h, got "30d"' },
  { name: 'check interval 500ms', yaml: check('        interval: 500ms\n'), at: '5:19', says: 'from 1s to 1h' },
  { name: 'check interval 2h', yaml: check('        interval: 2h\n'), at: '5:19', says: 'from 1s to 1h' },
  { name: 'check interval of a huge number of days', yaml: check('        interval: 99999999999999999999999d\n'), at: '5:19', says: 'from 1s to 1h' },
  { name: 'check interval that rounds to 0', yaml: check('        interval: 0.0001s\n'), at: '5:19', says: 'above 0' },
  { name: 'check interval negative', yaml: check('        interval: -5s\n'), at: '5:19', says: 'expected a positive duration' },
  { name: 'check interval without unit', yaml: check('        interval: 5\n'), at: '5:19', says: 'add a unit' },
  { name: 'check timeout 30d', yaml: check('        timeout: 30d\n'), at: '5:18', says: 'from 100ms to 1h' },
  { name: 'check timeout above its interval', yaml: check('        interval: 5s\n        timeout: 10s\n'), at: '6:9', says: 'timeout (10s) is longer than the interval (5s)' },
  { name: 'check timeout above the default interval', yaml: check('        timeout: 10s\n'), at: '5:9', says: 'longer than the interval (5s, the default)' },
  { name: 'action timeout 30d', yaml: svc('    actions:\n      restart:\n        run: systemctl restart api\n        timeout: 30d\n'), at: '6:18', says: 'from 1s to 1d' },
  { name: 'action timeout 0', yaml: svc('    actions:\n      restart:\n        run: systemctl restart api\n        timeout: 0s\n'), at: '6:18', says: 'above 0' },
  { name: 'metrics step 30d', yaml: 'metrics:\n  step: 30d\n', at: '2:9', says: 'from 1s to 1h' },
  { name: 'metrics range past 30 days', yaml: 'metrics:\n  range: 90d\n', at: '2:10', says: 'from 1m to 30d' },
  { name: 'metrics range of too many points', yaml: 'metrics:\n  range: 7d\n  step: 1s\n', at: '2:3', says: 'more than 11000 points' },
  { name: 'escalation after 30d', yaml: 'escalation:\n  policy:\n    - { after: 30d, notify: a }\n  contacts:\n    a: {}\n', at: '3:16', says: 'from 0s to 7d' },
  { name: 'response target 400d', yaml: 'incident:\n  responseTargets: { P1: 400d }\n', at: '2:26', says: 'from 1m to 30d' },
  // Caps on what is held in memory or run.
  { name: 'logs.buffer of 300 million', yaml: 'logs:\n  buffer: 300000000\n', at: '2:11', says: 'at most 100000' },
  { name: 'logs.buffer 0', yaml: 'logs:\n  buffer: 0\n', at: '2:11', says: 'must be at least 1' },
  { name: 'logs.buffer fractional', yaml: 'logs:\n  buffer: 1.5\n', at: '2:11', says: 'expected a whole number' },
  { name: 'logs.errorRateNote huge', yaml: 'logs:\n  errorRateNote: 1000000000000\n', at: '2:18', says: 'at most 1000000' },
  { name: 'log lines read back huge', yaml: svc('    logs:\n      - file: /var/log/a.log\n        lines: 10000000\n'), at: '5:16', says: 'at most 10000' },
  { name: 'downAfter huge', yaml: check('        downAfter: 1000000\n'), at: '5:20', says: 'at most 100' },
  { name: 'upAfter huge', yaml: check('        upAfter: 1000000\n'), at: '5:18', says: 'at most 100' },
  { name: 'ports spanning every port', yaml: svc('    checks:\n      - tcp: "127.0.0.1:{port}"\n        ports: "1-65535"\n'), at: '5:16', says: 'more than 10000' },
  {
    name: 'rows across checks past the cap',
    yaml: svc(`    checks:\n${[1, 2, 3].map((i) => `      - tcp: "127.0.0.${i}:{port}"\n        ports: "1-4000"\n`).join('')}`),
    at: '1:1',
    says: 'more than 10000 status rows in all',
  },
  { name: 'panel warn infinite', yaml: 'metrics:\n  panels:\n    - { title: x, scrape: "http://127.0.0.1:1/m", metric: m, warn: .inf }\n', at: '3:68', says: 'expected a finite number' },
  { name: 'panel crit NaN', yaml: 'metrics:\n  panels:\n    - { title: x, scrape: "http://127.0.0.1:1/m", metric: m, crit: .nan }\n', at: '3:68', says: 'got NaN' },
  { name: 'port beyond any number', yaml: 'hosts:\n  a:\n    port: 1e400\n', at: '3:11', says: 'expected a whole number' },
  // Redaction patterns run on every line shown: they must run in linear time, or be refused.
  { name: 'redact lookahead', yaml: 'timeline:\n  redact: ["token=(?=x)"]\n', at: '2:12', says: 'lookaround or a backreference' },
  { name: 'redact backreference', yaml: 'timeline:\n  redact: ["(a)\\\\1"]\n', at: '2:12', says: 'lookaround or a backreference' },
  { name: 'redact huge repeat', yaml: 'timeline:\n  redact: ["a{5000}"]\n', at: '2:12', says: 'invalid repeat count' },
  { name: 'redact too long', yaml: `timeline:\n  redact: ["${'x'.repeat(1200)}"]\n`, at: '2:12', says: 'longer than 1000 characters' },
  { name: 'redact matching the empty string', yaml: 'timeline:\n  redact: ["a*"]\n', at: '2:12', says: 'matches the empty string' },
  { name: 'redact unclosed class', yaml: 'timeline:\n  redact: ["["]\n', at: '2:12', says: 'not a valid pattern' },
  // Terminal controls in config text: the title, names and labels reach the shared screen.
  { name: 'title setting the terminal title', yaml: 'incident:\n  title: "Down \\e]0;pwned\\a now"\n', at: '2:10', says: 'contains U+001B (ESC) at character 6' },
  { name: 'raw ESC in a plain title', yaml: 'incident:\n  title: Down \u001b]0;pwned\u0007 now\n', at: '2:10', says: 'U+001B (ESC)' },
  { name: 'contact name with an escape (the key)', yaml: 'escalation:\n  contacts:\n    "lead\\e]2;x\\a": {}\n', at: '3:5', says: 'key contains U+001B (ESC)' },
  { name: 'contact name with a bidi override', yaml: 'escalation:\n  contacts:\n    "lead\u202e": {}\n', at: '3:5', says: 'U+202E (right-to-left override)' },
  { name: 'label writing the clipboard (OSC 52)', yaml: check('        label: "x\\e]52;c;cHduZWQ=\\a"\n'), at: '5:16', says: 'U+001B (ESC)' },
  { name: 'escape arriving through ${VAR}', yaml: 'incident:\n  title: "${TITLE}"\n', env: { TITLE: 'x\u001b[8mhidden' }, at: '2:10', says: 'U+001B (ESC)' },
  { name: '8-bit CSI in a command', yaml: svc('    checks:\n      - command: "echo \\x9b2J"\n'), at: '4:18', says: 'U+009B (CSI)' },
  { name: 'NUL in a runbook path', yaml: 'incident:\n  runbook: "run\\0book.md"\n', at: '2:12', says: 'U+0000 (NUL)' },
  { name: 'lone surrogate in a title', yaml: 'incident:\n  title: "a\\ud800b"\n', at: '2:10', says: 'half of a character' },
  { name: 'carriage return in a mention', yaml: 'escalation:\n  contacts:\n    a: { slack: { webhook: "https://h.example/x", mention: "@a\\rFAKE" } }\n', at: '3:60', says: 'carriage return' },
  { name: 'bidi isolate in a service label', yaml: check('        label: "ok\u2066evil\u2069"\n'), at: '5:16', says: 'U+2066' },
  { name: 'line separator in a panel title', yaml: 'metrics:\n  panels:\n    - { title: "a\u2028b", scrape: "http://127.0.0.1:1/m", metric: m }\n', at: '3:16', says: 'line separator' },
  // YAML itself used as a weapon.
  { name: 'billion laughs (alias expansion)', yaml: `${laughs}\n`, at: '1:1', says: 'too many aliases' },
  { name: 'flow collections nested 20000 deep', yaml: `a: ${'['.repeat(20000)}${']'.repeat(20000)}\n`, at: /^1:\d+$/, says: 'nested too deeply' },
  { name: 'a file past 1 MB', yaml: `incident:\n  title: "${'x'.repeat(1_100_000)}"\n`, at: '0:0', says: 'larger than 1 MB' },
  { name: '__proto__ at the top level', yaml: '__proto__:\n  polluted: true\n', at: '1:1', says: 'unknown key' },
  { name: '__proto__ inside a check', yaml: check('        __proto__: { polluted: true }\n'), at: '5:9', says: 'unknown key' },
  { name: 'binary garbage', yaml: '\u0000\u0001\ufffd\ufffd garbage \u001b[2J', at: '1:1', says: 'expected a mapping' },
  { name: 'a 10,000-character unknown key', yaml: `${'k'.repeat(10_000)}: 1\n`, at: '1:1', says: 'YAML syntax' },
];

const LOADS: Loads[] = [
  { name: 'interval 1h with timeout 30s', yaml: check('        interval: 1h\n        timeout: 30s\n'), loads: (c) => assert.deepEqual([c.services[0]!.checks[0]!.intervalMs, c.services[0]!.checks[0]!.timeoutMs], [3_600_000, 30_000]) },
  { name: 'interval 1s', yaml: check('        interval: 1s\n        timeout: 1s\n'), loads: (c) => assert.equal(c.services[0]!.checks[0]!.intervalMs, 1000) },
  { name: '(a+)+$ as a redact pattern (runs in linear time)', yaml: 'timeline:\n  redact: ["(a+)+$"]\n', loads: (c) => {
    const started = performance.now();
    createRedactor({ ...c, env: {} })(`${'a'.repeat(40)}!`);
    assert.ok(performance.now() - started < 1000, 'one 41-character line, well under a second');
  } },
  { name: 'tab and newline in a block command', yaml: svc('    actions:\n      deploy:\n        run: |\n          echo\tone\n          echo two\n'), loads: (c) => assert.equal(c.services[0]!.actions.deploy!.targets[0]!.run, 'echo\tone\necho two\n') },
  { name: 'CRLF line endings', yaml: 'incident:\r\n  title: ok\r\n', loads: (c) => assert.equal(c.incident.title, 'ok') },
  { name: 'emoji and accents in names', yaml: 'incident:\n  title: "Paiement refusé 🚨"\nescalation:\n  contacts:\n    équipe: {}\n', loads: (c) => assert.equal(c.incident.title, 'Paiement refusé 🚨') },
  { name: 'a YAML tag the loader does not know', yaml: 'incident:\n  title: !!js/function "function(){}"\n', loads: (c) => assert.equal(c.incident.title, 'function(){}') },
  { name: 'a host called constructor', yaml: 'hosts:\n  constructor: { address: 127.0.0.1 }\n', loads: (c) => assert.equal((c.hosts as Record<string, { address: string } | undefined>)['constructor']?.address, '127.0.0.1') },
];

test('the hostile config table holds at least 50 cases', () => {
  assert.ok(REFUSED.length + LOADS.length >= 50, `${REFUSED.length + LOADS.length} cases`);
});

for (const c of REFUSED) {
  test(`hostile config refused: ${c.name}`, () => {
    const started = performance.now();
    let caught: unknown;
    try {
      loadConfigText(c.yaml, 'warroom.yaml', c.env ?? {});
    } catch (error) {
      caught = error;
    }
    assert.ok(performance.now() - started < 20_000, 'no hang');
    assert.ok(caught instanceof ConfigError, `expected a ConfigError, got ${String(caught)}`);
    const first = caught.format().split('\n')[0]!;
    if (c.at instanceof RegExp) assert.match(`${caught.line}:${caught.col}`, c.at, first);
    else assert.equal(`${caught.line}:${caught.col}`, c.at, first);
    if (typeof c.says === 'string') assert.ok(caught.format().includes(c.says), `"${caught.format().slice(0, 400)}" should say "${c.says}"`);
    else assert.match(caught.format(), c.says);
    // What `warroom check` prints is itself safe for a terminal, and short.
    assert.doesNotMatch(caught.format(), /[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
    for (const line of caught.format().split('\n')) assert.ok(line.length <= 400, `a short line: ${line.slice(0, 100)}…`);
    assert.equal(({} as Record<string, unknown>).polluted, undefined, 'no prototype pollution');
  });
}

for (const c of LOADS) {
  test(`hostile-looking config loads: ${c.name}`, () => {
    c.loads(loadConfigText(c.yaml, 'warroom.yaml', c.env ?? {}));
    assert.equal(({} as Record<string, unknown>).polluted, undefined, 'no prototype pollution');
  });
}
