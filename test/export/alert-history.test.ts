// The post-mortem's alerts and silences from the timeline: a firing paired with its resolution,
// an alert that fires again is a second row, two consoles on one journal that both saw it fire
// count it once, and a team template can list them by field.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { firedAlerts, incidentSilences } from '../../src/export/alert-history.js';
import { exportTemplate } from '../../src/export/index.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TimelineEvent } from '../../src/timeline/event.js';

const T0 = Date.UTC(2026, 0, 5, 10, 0, 0);
const at = (s: number): number => T0 + s * 1000;
let n = 0;
function ev(s: number, kind: string, data: Record<string, unknown>, operator = 'warroom'): TimelineEvent {
  n += 1;
  return { v: 1, id: `e${n}`, ts: at(s), operator, kind, data };
}

const EVENTS: TimelineEvent[] = [
  ev(0, 'incident.opened', { title: 'Disk', severity: 'P2' }, 'ana'),
  ev(10, 'alert.firing', { alert: 'DiskFull', fingerprint: 'd1', severity: 'critical', service: 'db', instance: 'db-1:9100', startsAt: at(5) }),
  // The second console on the same journal saw the same alert fire.
  ev(11, 'alert.firing', { alert: 'DiskFull', fingerprint: 'd1', severity: 'critical', service: 'db', instance: 'db-1:9100', startsAt: at(5) }),
  ev(60, 'alert.resolved', { alert: 'DiskFull', fingerprint: 'd1', startsAt: at(5) }),
  ev(61, 'alert.resolved', { alert: 'DiskFull', fingerprint: 'd1', startsAt: at(5) }),
  ev(120, 'alert.firing', { alert: 'DiskFull', fingerprint: 'd1', severity: 'critical', service: 'db', startsAt: at(118) }),
  ev(130, 'alert.silenced', { matchers: 'alertname="DiskFull"', startsAt: at(130), endsAt: at(3730), createdBy: 'ana', alert: 'DiskFull', silenceId: 's1' }, 'ana'),
  ev(200, 'incident.resolved', {}, 'ana'),
  ev(201, 'alert.silence-kept', { silenceId: 's1', endsAt: at(3730) }, 'ana'),
];

test('a firing is paired with its resolution; a second console seeing the same firing counts once; firing again is a new row', () => {
  assert.deepEqual(firedAlerts(EVENTS, at(200)), [
    { alert: 'DiskFull', severity: 'critical', labels: 'service=db instance=db-1:9100', firedAt: at(5), resolvedAt: at(60), durationMs: 55_000 },
    { alert: 'DiskFull', severity: 'critical', labels: 'service=db', firedAt: at(118), resolvedAt: null, durationMs: 82_000 },
  ]);
  assert.deepEqual(incidentSilences(EVENTS).map((s) => [s.id, s.state, s.createdBy, s.alert]), [['s1', 'kept', 'ana', 'DiskFull']]);
});

test('a team template lists the alerts and silences by field', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'warroom-alert-template-'));
  try {
    const file = join(dir, 'team.md');
    writeFileSync(file, ['# Alerts', '', '{% for a in alerts %}', '- {{ a.name }} ({{ a.labels }}): {{ a.fired }} → {{ a.resolved }}, {{ a.duration }}', '{%- endfor %}', '{% for s in silences %}', '- silence {{ s.matchers }} by {{ s.created_by }}: {{ s.state }}', '{%- endfor %}', ''].join('\n'));
    const md = await exportTemplate(EVENTS, file, { id: 'INC-1' });
    assert.match(md, /- DiskFull \(service=db instance=db-1:9100\): 2026-01-05 10:00:05 UTC → 2026-01-05 10:01:00 UTC, 55s/);
    assert.match(md, /- DiskFull \(service=db\): 2026-01-05 10:01:58 UTC → still firing, 1m22s/);
    assert.match(md, /- silence alertname="DiskFull" by ana: kept/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
