// Destructive detection by parsing: each row is a command line and the label of what it destroys
// (null: nothing). The rows cover the table's entries, the places a command hides in a line
// (pipes, lists, subshells, `$(…)`, wrappers, `bash -c`, `ssh host "…"`) and lookalikes that
// destroy nothing.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyseCommand, destructiveMatch } from '../../src/exec/destructive.js';
import { destructiveSql } from '../../src/exec/destructive-rules.js';

const CASES: [string, string | null][] = [
  // rm
  ['rm -rf /var/cache/app', 'rm -r'],
  ['rm -Rf /tmp/x', 'rm -r'],
  ['rm -r /data', 'rm -r'],
  ['rm -fr /tmp/x', 'rm -r'],
  ['rm --recursive --force /srv', 'rm -r'],
  ['/bin/rm -rf /srv', 'rm -r'],
  ['\\rm -rf /srv', 'rm -r'],
  ['rm /tmp/one-file', null],
  ['rm -f /tmp/one-file', null],
  // where a command hides
  ['echo ok; rm -rf /srv', 'rm -r'],
  ['true && rm -rf /srv', 'rm -r'],
  ['false || rm -rf /srv', 'rm -r'],
  ['ls | xargs rm -rf', 'rm -r'],
  ['ls | xargs -n1 -I{} rm -r {}', 'rm -r'],
  ['(cd /srv && rm -rf cache)', 'rm -r'],
  ['{ rm -rf /srv; }', 'rm -r'],
  ['echo "$(rm -rf /srv)"', 'rm -r'],
  ['echo `rm -rf /srv`', 'rm -r'],
  ['x=$(rm -rf /srv) true', 'rm -r'],
  ['if true; then rm -rf /srv; fi', 'rm -r'],
  ['for f in a b; do rm -r "$f"; done', 'rm -r'],
  ['sudo rm -rf /srv', 'rm -r'],
  ['sudo -u deploy -- rm -rf /srv', 'rm -r'],
  ['env FOO=1 rm -rf /srv', 'rm -r'],
  ['env -S "rm -rf /srv"', 'rm -r'],
  ['nice -n 10 ionice -c3 rm -rf /srv', 'rm -r'],
  ['timeout 10s rm -rf /srv', 'rm -r'],
  ['nohup rm -rf /srv &', 'rm -r'],
  ['time rm -rf /srv', 'rm -r'],
  ['bash -c "rm -rf /srv"', 'rm -r'],
  ['sh -c \'echo hi; rm -rf /srv\'', 'rm -r'],
  ['sudo bash -c "cd / && rm -rf srv"', 'rm -r'],
  ['eval "rm -rf /srv"', 'rm -r'],
  ['ssh app-1 "rm -rf /srv"', 'rm -r'],
  ['ssh -p 2222 -i key deploy@app-1 rm -rf /srv', 'rm -r'],
  ['ssh bastion "ssh app-1 \'rm -rf /srv\'"', 'rm -r'],
  ['kubectl exec -it pod-1 -- rm -rf /data', 'rm -r'],
  ['docker exec -u root web rm -rf /data', 'rm -r'],
  ['su -c "rm -rf /srv" postgres', 'rm -r'],
  ['watch -n 5 rm -rf /tmp/spool', 'rm -r'],
  ['ssh app-1 uptime', null],
  ['bash -c "echo rm -rf is dangerous"', null],
  ['echo rm -rf /', null],
  ['grep -r "rm -rf" .', null],
  // find
  ['find /var/log -name "*.gz" -delete', 'find -delete'],
  ['find /tmp -mtime +7 -exec rm -rf {} +', 'rm -r'],
  ['find /tmp -mtime +7 -exec rm {} \\;', null],
  ['find /var/log -name "*.gz"', null],
  // services and processes
  ['systemctl stop checkout-api', 'systemctl stop'],
  ['sudo systemctl disable --now checkout-api', 'systemctl stop'],
  ['systemctl mask nginx', 'systemctl stop'],
  ['systemctl --no-pager reboot', 'systemctl stop'],
  ['systemctl restart checkout-api', null],
  ['systemctl status checkout-api', null],
  ['service nginx stop', 'service stop'],
  ['kill 1234', 'kill'],
  ['kill -9 1234', 'kill'],
  ['kill -HUP 1234', 'kill'],
  ['pkill -f worker', 'kill'],
  ['killall java', 'kill'],
  ['pgrep -f worker', null],
  // kubernetes, helm
  ['kubectl delete pod web-1', 'kubectl delete'],
  ['kubectl -n prod delete deploy/web', 'kubectl delete'],
  ['kubectl drain node-1 --ignore-daemonsets', 'kubectl delete'],
  ['kubectl scale deploy/web --replicas=0', 'kubectl delete'],
  ['kubectl scale deploy/web --replicas 0', 'kubectl delete'],
  ['kubectl scale deploy/web --replicas=3', null],
  ['kubectl get pods | xargs kubectl delete pod', 'kubectl delete'],
  ['kubectl rollout restart deploy/dropbox-sync', null],
  ['kubectl -n delete get pods', null],
  ['helm uninstall checkout', 'helm uninstall'],
  ['helm list', null],
  // docker
  ['docker rm -f web', 'docker rm'],
  ['docker system prune -af', 'docker rm'],
  ['docker volume rm data', 'docker rm'],
  ['docker volume prune', 'docker rm'],
  ['docker compose down -v', 'docker rm'],
  ['docker compose -f prod.yml down --volumes', 'docker rm'],
  ['docker-compose down -v', 'docker rm'],
  ['docker compose down', null],
  ['docker compose restart api', null],
  ['docker ps -a', null],
  // terraform, git
  ['terraform destroy -auto-approve', 'terraform destroy'],
  ['terraform apply -destroy', 'terraform destroy'],
  ['terraform -chdir=infra destroy', 'terraform destroy'],
  ['terraform plan', null],
  ['git push -f origin main', 'git push --force'],
  ['git push --force', 'git push --force'],
  ['git push --force-with-lease', 'git push --force'],
  ['git push origin +main', 'git push --force'],
  ['git reset --hard HEAD~3', 'git push --force'],
  ['git clean -fd', 'git push --force'],
  ['git -C /srv/app clean -fdx', 'git push --force'],
  ['git push origin main', null],
  ['git status', null],
  // machines, disks, files
  ['shutdown -r now', 'shutdown'],
  ['sudo reboot', 'shutdown'],
  ['halt', 'shutdown'],
  ['poweroff', 'shutdown'],
  ['dd if=/dev/zero of=/dev/sda bs=1M', 'dd of='],
  ['dd if=/dev/sda bs=1M count=1', null],
  ['mkfs.ext4 /dev/sdb1', 'mkfs'],
  ['mkfs -t xfs /dev/sdb', 'mkfs'],
  ['truncate -s 0 /var/log/app.log', 'truncate'],
  ['shred -u secrets.txt', 'shred'],
  ['iptables -F', 'iptables -F'],
  ['iptables --flush INPUT', 'iptables -F'],
  ['iptables -L -n', null],
  ['crontab -r', 'crontab -r'],
  // data stores
  ['redis-cli FLUSHALL', 'FLUSHALL'],
  ['redis-cli -n 2 flushdb', 'FLUSHALL'],
  ['redis-cli -h cache info', null],
  ['psql -c "DROP TABLE orders"', 'DROP/TRUNCATE/DELETE'],
  ['psql -U app -d shop -c "truncate sessions"', 'DROP/TRUNCATE/DELETE'],
  ['psql --command="DELETE FROM sessions"', 'DROP/TRUNCATE/DELETE'],
  ['psql -c "DELETE FROM sessions WHERE expires < now()"', null],
  ['psql -c "select count(*) from orders"', null],
  ['sudo -u postgres psql -c \'DROP DATABASE shop\'', 'DROP/TRUNCATE/DELETE'],
  ['mysql -e "drop database shop"', 'DROP/TRUNCATE/DELETE'],
  ['mysql -e "select 1; delete from carts"', 'DROP/TRUNCATE/DELETE'],
  ['mysql -e "show processlist"', null],
  ['ssh db-1 "psql -c \'TRUNCATE carts\'"', 'DROP/TRUNCATE/DELETE'],
  // ordinary commands
  ['curl -fsS http://127.0.0.1:8000/health', null],
  ['tail -n 100 /var/log/app.log | grep ERROR', null],
  ['./deploy.sh rollback checkout-api', null],
  ['journalctl -u checkout-api --since "10 min ago"', null],
];

for (const [command, expected] of CASES) {
  test(`${JSON.stringify(command)} → ${expected ?? 'not destructive'}`, async () => {
    assert.equal(await destructiveMatch(command), expected);
  });
}

test('a line the parser cannot read is reported as unreadable, not as safe', async () => {
  for (const command of ["echo 'unterminated", 'diff <(ls a) <(rm -rf b)', 'echo $(']) {
    const analysis = await analyseCommand(command);
    assert.ok(analysis.unreadable !== undefined || analysis.findings.length > 0, command);
  }
});

test('every destructive command of a line is found, with its program to type', async () => {
  const analysis = await analyseCommand('systemctl stop web && rm -rf /srv/web; kubectl delete ns web');
  assert.deepEqual(analysis.findings.map((f) => [f.label, f.program]), [['systemctl stop', 'systemctl'], ['rm -r', 'rm'], ['kubectl delete', 'kubectl']]);
});

test('SQL: DROP, TRUNCATE and DELETE without WHERE; a WHERE inside a string does not count', () => {
  const rows: [string, boolean][] = [
    ['DROP TABLE x', true],
    ['alter table x drop column y', true],
    ['TRUNCATE x', true],
    ['delete from x', true],
    ["delete from x -- where", true],
    ["DELETE FROM x WHERE id = 1", false],
    ["insert into log values ('where'); delete from x", true],
    ['select * from drops', false],
  ];
  for (const [sql, expected] of rows) assert.equal(destructiveSql(sql), expected, sql);
});
