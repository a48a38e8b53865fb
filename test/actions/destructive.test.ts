import assert from 'node:assert/strict';
import { test } from 'node:test';
import { destructiveMatch } from '../../src/actions/destructive.js';

const CASES: [string, string | null][] = [
  ['rm -rf /var/cache/app', 'rm -rf'],
  ['rm -fr /tmp/x', 'rm -rf'],
  ['rm -r -f /data', 'rm -rf'],
  ['sudo rm --recursive --force /srv', 'rm -rf'],
  ['rm /tmp/one-file', null],
  ['redis-cli FLUSHALL', 'FLUSHALL'],
  ['redis-cli -n 2 flushdb', 'FLUSHDB'],
  ['psql -c "DROP TABLE orders"', 'DROP'],
  ['psql -c "truncate sessions"', 'TRUNCATE'],
  ['docker compose down -v', 'down -v'],
  ['docker compose -f prod.yml down --volumes', 'down -v'],
  ['docker compose down', null],
  ['kill -9 1234', 'kill -9'],
  ['pkill -KILL worker', 'kill -9'],
  ['kill -s KILL 77', 'kill -9'],
  ['kill 1234', null],
  ['mkfs.ext4 /dev/sdb1', 'mkfs'],
  ['dd if=/dev/zero of=/dev/sda bs=1M', 'dd of='],
  ['git push --force', '--force'],
  ['helm upgrade --force=true app', '--force'],
  ['systemctl restart checkout-api', null],
  ['./deploy.sh rollback checkout-api', null],
  ['kubectl rollout restart deploy/dropbox-sync', null],
];

test('destructive patterns match what destroys data and nothing ordinary', () => {
  for (const [command, expected] of CASES) assert.equal(destructiveMatch(command), expected, command);
});
