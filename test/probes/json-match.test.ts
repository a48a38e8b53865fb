import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { jsonMismatch } from '../../src/probes/json-match.js';

describe('jsonMismatch', () => {
  const cases: { name: string; actual: unknown; expected: unknown; why: string | null }[] = [
    { name: 'equal scalar field', actual: { status: 'healthy', x: 1 }, expected: { status: 'healthy' }, why: null },
    { name: 'different field', actual: { status: 'degraded' }, expected: { status: 'healthy' }, why: 'status=degraded, expected healthy' },
    { name: 'missing field', actual: {}, expected: { status: 'healthy' }, why: 'status missing, expected healthy' },
    { name: 'nested object', actual: { db: { ok: false } }, expected: { db: { ok: true } }, why: 'db.ok=false, expected true' },
    { name: 'number vs string', actual: { v: '1' }, expected: { v: 1 }, why: 'v=1, expected 1' },
    { name: 'array element found anywhere', actual: { c: [{ n: 'a', s: 'down' }, { n: 'b', s: 'up' }] }, expected: { c: [{ s: 'up' }] }, why: null },
    {
      name: 'array element not found, explained by its name',
      actual: { c: [{ n: 'a', s: 'up' }, { n: 'b', s: 'down' }] },
      expected: { c: [{ n: 'b', s: 'up' }] },
      why: 'c[n=b].s=down, expected up',
    },
    { name: 'every expected element must be found', actual: { c: [{ s: 'up' }] }, expected: { c: [{ s: 'up' }, { s: 'warm' }] }, why: 'c[0].s=up, expected warm' },
    { name: 'empty actual array', actual: { c: [] }, expected: { c: [{ s: 'up' }] }, why: 'c is empty, expected {"s":"up"}' },
    { name: 'array of scalars', actual: { tags: ['a', 'b'] }, expected: { tags: ['b'] }, why: null },
    { name: 'not an object', actual: 'ok', expected: { status: 'healthy' }, why: 'body=ok, expected an object' },
    { name: 'not a list', actual: { c: 3 }, expected: { c: [1] }, why: 'c=3, expected a list' },
    { name: 'null', actual: { a: null }, expected: { a: null }, why: null },
  ];
  for (const c of cases) {
    it(c.name, () => assert.equal(jsonMismatch(c.actual, c.expected), c.why));
  }
});

describe('jsonMismatch properties', () => {
  it('any JSON value contains itself, and any object contains its own subset', async () => {
    const fc = (await import('fast-check')).default;
    fc.assert(fc.property(fc.jsonValue(), (value) => jsonMismatch(value, value) === null));
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), fc.func(fc.boolean()), (object, keep) => {
        const subset = Object.fromEntries(Object.entries(object).filter(([k]) => keep(k)));
        return jsonMismatch(object, subset) === null;
      }),
    );
  });

  it('a changed scalar is always reported with its path', async () => {
    const fc = (await import('fast-check')).default;
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.integer(), (key, n) => {
        const why = jsonMismatch({ [key]: n }, { [key]: n + 1 });
        return why === `${key}=${n}, expected ${n + 1}`;
      }),
    );
  });
});
