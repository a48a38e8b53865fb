// The board names what each row is, as a user reads it in a real terminal (tmux): configured
// check labels (`postgres`, `redis`) in their own column, the instance (host) of each row kept at
// 80 columns and in the 160-column grid, every row on screen when the other panes have nothing to
// show (they fold to a title line that says so: 14 rows fill 80x24 only then), and a pane that is not configured says so there.
// The selected row's failure reason shows without opening its details (issue #17: it was hidden unless zoomed).
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { drawnPanes, paneTitled } from '../helpers/screen-panes.js';
import { TmuxSession, tmuxMissing, warroomShellLine } from '../helpers/tmux.js';

const missing = tmuxMissing();

// Ports nobody listens on: every row is DOWN, which is all this test needs (nothing leaves loopback).
const CONFIG = `incident:
  title: Labels on the board
hosts:
  app-1: { address: 127.0.0.2 }
  app-2: { address: 127.0.0.3 }
services:
  - name: infra
    checks:
      - tcp: 127.0.0.1:1
        label: qdrant
        interval: 1s
      - tcp: 127.0.0.1:2
        label: redis
        interval: 1s
      - tcp: 127.0.0.1:3
        label: postgres
        interval: 1s
  - name: gateway
    instances: [app-1, app-2]
    checks:
      - http: http://{address}:4/health
        interval: 1s
  - name: edge
    checks:
      - http: http://127.0.0.1:{port}/health
        ports: "5-13"
        interval: 1s
`;

for (const [columns, rows] of [[80, 24], [160, 45]] as const) {
  test(`${columns}x${rows}: labels, instances and every row on the board; unconfigured panes fold and say so`, { skip: missing ?? false }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'warroom-labels-'));
    writeFileSync(join(dir, 'warroom.yaml'), CONFIG);
    const tmux = TmuxSession.start(warroomShellLine('open --as labels'), { columns, rows, cwd: dir, env: { HOME: dir } });
    try {
      const screen = await tmux.waitForScreen((s) => (s.match(/✖ DOWN/g) ?? []).length === 14, 'all fourteen rows DOWN');
      const status = paneTitled(drawnPanes(screen, columns >= 120 ? Math.floor(columns / 2) : undefined), 'Status', screen);
      const board = status.rows.join('\n');
      assert.match(status.rows[1] ?? '', /SERVICE\s+CHECK\s+INSTANCE/, `a CHECK column beside the service:\n${screen}`);
      for (const label of ['qdrant', 'redis', 'postgres']) assert.match(board, new RegExp(`${label}\\s+\\S*:\\d`), `${label} labels its row:\n${screen}`);
      assert.match(board, /gateway\s+app-1\s/, `the instance names the gateway's first row:\n${screen}`);
      assert.match(board, /\n\s+app-2\s/, `and its second:\n${screen}`);
      assert.doesNotMatch(status.rows[0] ?? '', /\d+-\d+\/14/, `no row is cut off the board:\n${screen}`);
      // Why the selected row is DOWN, without Enter or z: under it where there is room, else at
      // the end of the summary line (every row keeps its place on the board).
      const selected = status.rows.findIndex((row) => row.startsWith('›'));
      const reasonAt = columns < 120 ? 0 : selected + 1;
      assert.match(status.rows[reasonAt] ?? '', /↳ connection refused/, `the failure reason, unzoomed:\n${screen}`);
      if (columns < 120) {
        for (const [key, title, says] of [['2', 'Logs', 'no log sources configured'], ['3', 'Metrics', 'no panels'], ['4', 'Runbook', 'no runbook configured']]) {
          assert.match(screen, new RegExp(`── ${key} ${title} · ${says} · folded · ${key} opens it`), `${title} folds and says why:\n${screen}`);
        }
      }
    } finally {
      tmux.kill();
    }
  });
}
