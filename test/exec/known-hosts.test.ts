import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac, randomBytes } from 'node:crypto';
import {
  fingerprint,
  keyTypeOf,
  knownHostsName,
  knownKeyTypes,
  parseKnownHosts,
  patternsMatch,
  verifyHostKey,
} from '../../src/exec/known-hosts.js';
import { generateKeyPair } from './ssh-test-server.js';

function hashed(name: string): string {
  const salt = randomBytes(20);
  return `|1|${salt.toString('base64')}|${createHmac('sha1', salt).update(name).digest('base64')}`;
}

const patternCases: Array<[string, string, boolean]> = [
  ['app-1', 'app-1', true],
  ['APP-1', 'app-1', true],
  ['app-1,app-2', 'app-2', true],
  ['app-*', 'app-17', true],
  ['app-?', 'app-17', false],
  ['*.example.com,!bad.example.com', 'bad.example.com', false],
  ['*.example.com,!bad.example.com', 'good.example.com', true],
  ['[127.0.0.1]:2222', '[127.0.0.1]:2222', true],
  ['[127.0.0.1]:2222', '127.0.0.1', false],
  ['127.0.0.1', '[127.0.0.1]:2222', false],
  [hashed('[10.0.0.5]:2200'), '[10.0.0.5]:2200', true],
  [hashed('10.0.0.5'), '10.0.0.6', false],
];
for (const [patterns, name, expected] of patternCases) {
  test(`patternsMatch(${patterns.slice(0, 30)}, ${name}) is ${expected}`, () => {
    assert.equal(patternsMatch(patterns, name), expected);
  });
}

test('knownHostsName brackets non-standard ports only', () => {
  assert.equal(knownHostsName('10.0.0.1', 22), '10.0.0.1');
  assert.equal(knownHostsName('10.0.0.1', 2222), '[10.0.0.1]:2222');
});

test('parseKnownHosts reads markers, skips comments and junk', () => {
  const key = generateKeyPair().public;
  const entries = parseKnownHosts(
    ['# comment', '', `app-1 ${key}`, `@revoked * ${key}`, `@cert-authority *.corp ${key}`, 'garbage', 'x ssh-rsa'].join('\n'),
  );
  assert.deepEqual(
    entries.map((e) => [e.marker, e.patterns, e.keyType]),
    [
      [undefined, 'app-1', 'ssh-ed25519'],
      ['revoked', '*', 'ssh-ed25519'],
      ['cert-authority', '*.corp', 'ssh-ed25519'],
    ],
  );
});

test('verifyHostKey: known, unknown, changed, revoked', () => {
  const [a, b] = [generateKeyPair().public, generateKeyPair().public];
  const blob = (line: string) => Buffer.from(line.split(' ')[1]!, 'base64');
  const entries = parseKnownHosts(`[h]:2222 ${a}\nother ${b}\n`);
  assert.deepEqual(verifyHostKey(entries, ['[h]:2222'], blob(a)), { kind: 'known' });
  assert.deepEqual(verifyHostKey(entries, ['[h]:2222'], blob(b)), { kind: 'changed', knownTypes: ['ssh-ed25519'] });
  assert.deepEqual(verifyHostKey(entries, ['nowhere'], blob(a)), { kind: 'unknown' });
  // Any of the names ssh would look up (address or alias) counts.
  assert.deepEqual(verifyHostKey(entries, ['h', 'other'], blob(b)), { kind: 'known' });
  const revoked = parseKnownHosts(`[h]:2222 ${a}\n@revoked * ${a}\n`);
  assert.deepEqual(verifyHostKey(revoked, ['[h]:2222'], blob(a)), { kind: 'revoked' });
  assert.deepEqual(knownKeyTypes(entries, ['[h]:2222']), ['ssh-ed25519']);
});

test('keyTypeOf and fingerprint read an SSH key blob', () => {
  const pair = generateKeyPair();
  const blob = Buffer.from(pair.public.split(' ')[1]!, 'base64');
  assert.equal(keyTypeOf(blob), 'ssh-ed25519');
  assert.match(fingerprint(blob), /^SHA256:[A-Za-z0-9+/]{43}$/);
});
