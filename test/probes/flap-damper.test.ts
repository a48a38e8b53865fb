import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FlapDamper } from '../../src/probes/flap-damper.js';
import type { CheckState } from '../../src/probes/types.js';

function feed(states: CheckState[], options = { downAfter: 2, upAfter: 1 }): { shown: CheckState[]; transitions: string[] } {
  const damper = new FlapDamper('row', options, 0);
  const shown: CheckState[] = [];
  const transitions: string[] = [];
  states.forEach((state, i) => {
    const result = damper.push({ state, reason: state, latencyMs: null }, i + 1);
    shown.push(result.state);
    if (result.transition) transitions.push(`${result.transition.from}->${result.transition.to}@${result.transition.at}`);
  });
  return { shown, transitions };
}

describe('FlapDamper', () => {
  it('takes the first result as is', () => {
    assert.deepEqual(feed(['DOWN']).shown, ['DOWN']);
  });
  it('needs two failures to leave UP by default', () => {
    const r = feed(['UP', 'DOWN', 'UP', 'DOWN', 'DOWN']);
    assert.deepEqual(r.shown, ['UP', 'UP', 'UP', 'UP', 'DOWN']);
    assert.deepEqual(r.transitions, ['UNKNOWN->UP@1', 'UP->DOWN@5']);
  });
  it('returns to UP after one success by default', () => {
    assert.deepEqual(feed(['DOWN', 'UP']).shown, ['DOWN', 'UP']);
  });
  it('counts mixed failures as consecutive and lands on the latest', () => {
    assert.deepEqual(feed(['UP', 'DEGRADED', 'DOWN']).shown, ['UP', 'UP', 'DOWN']);
  });
  it('honours configured thresholds', () => {
    const r = feed(['DOWN', 'UP', 'UP', 'DOWN', 'UP', 'UP', 'UP'], { downAfter: 1, upAfter: 3 });
    assert.deepEqual(r.shown, ['DOWN', 'DOWN', 'DOWN', 'DOWN', 'DOWN', 'DOWN', 'UP']);
  });
});
