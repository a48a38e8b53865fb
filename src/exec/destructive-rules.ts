// The table of commands that destroy data or state, as data: a program, and what in its
// arguments makes a run of it destructive. destructive.ts finds every simple command a line runs
// (through pipes, lists, subshells, `$(…)`, sudo/env/xargs, `bash -c`, `ssh host "…"`) and
// asks this table about each one.

/** One entry: a program (by its base name) and a test on its arguments. */
export interface DestructiveRule {
  /** What the confirmation names ("rm -r", "kubectl delete"). */
  label: string;
  /** Program base names this rule applies to. */
  programs: readonly string[];
  /** True when these arguments (after the program name) make the run destructive. */
  matches: (args: readonly string[]) => boolean;
}

/** True when a short-flag cluster (`-rf`) or a long flag is among the arguments. */
function hasFlag(args: readonly string[], short: string, long?: string): boolean {
  return args.some((a) => (long !== undefined && (a === long || a.startsWith(`${long}=`))) || (/^-[A-Za-z]+$/.test(a) && a.includes(short)));
}

/** The first argument that is not an option (a subcommand), skipping options that take a value. */
function positional(args: readonly string[], withValue: readonly string[] = []): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') return [...out, ...args.slice(i + 1)];
    if (a.startsWith('-')) {
      if (withValue.includes(a)) i++;
      continue;
    }
    out.push(a);
  }
  return out;
}

const sub = (args: readonly string[], withValue: readonly string[] = []) => positional(args, withValue).map((a) => a.toLowerCase());

/** SQL that drops, truncates, or deletes without a WHERE. */
export function destructiveSql(sql: string): boolean {
  // Keywords inside string literals and comments do not count: a `-- where` does not make it safe.
  const code = sql.replace(/'(?:[^']|'')*'/g, "''").replace(/--[^\n]*|\/\*[\s\S]*?\*\//g, ' ');
  return code.split(';').some((statement) => {
    const s = statement.trim();
    if (/\bdrop\s+(table|database|schema|index|view|user|role|column|materialized|owned)\b/i.test(s)) return true;
    if (/^truncate\b/i.test(s)) return true;
    return /^delete\s+from\b/i.test(s) && !/\bwhere\b/i.test(s);
  });
}

/** The values of options that carry SQL (`-c SQL`, `--command=SQL`, `-eSQL`). */
function optionValues(args: readonly string[], short: string, long: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === short || a === long) out.push(args[i + 1] ?? '');
    else if (a.startsWith(`${long}=`)) out.push(a.slice(long.length + 1));
    else if (a.startsWith(short) && !a.startsWith('--') && a.length > short.length) out.push(a.slice(short.length));
  }
  return out;
}

const KUBECTL_VALUE_OPTIONS = ['-n', '--namespace', '--context', '--kubeconfig', '-l', '--selector', '-f', '--filename', '-o', '--output', '-c', '--container', '--cluster', '--user', '-s', '--server'];
const DOCKER_VALUE_OPTIONS = ['-f', '--file', '-p', '--project-name', '--context', '-H', '--host', '--env-file', '--profile', '--project-directory', '-c'];

/** The built-in table. Order matters only for which label a command shows first. */
export const DESTRUCTIVE_RULES: readonly DestructiveRule[] = [
  { label: 'rm -r', programs: ['rm'], matches: (a) => hasFlag(a, 'r', '--recursive') || hasFlag(a, 'R') },
  { label: 'shred', programs: ['shred', 'wipefs'], matches: () => true },
  { label: 'find -delete', programs: ['find'], matches: (a) => a.includes('-delete') },
  {
    label: 'systemctl stop',
    programs: ['systemctl'],
    matches: (a) => ['stop', 'disable', 'mask', 'kill', 'isolate', 'poweroff', 'reboot', 'halt', 'kexec', 'emergency', 'rescue'].includes(sub(a, ['-H', '--host', '-M', '--machine', '-s', '--signal', '-p', '--property', '-t', '--type'])[0] ?? ''),
  },
  { label: 'service stop', programs: ['service'], matches: (a) => ['stop'].includes((a[1] ?? '').toLowerCase()) },
  { label: 'kill', programs: ['kill', 'pkill', 'killall', 'skill'], matches: () => true },
  {
    label: 'kubectl delete',
    programs: ['kubectl', 'oc'],
    matches: (a) => {
      const [verb, second] = sub(a, KUBECTL_VALUE_OPTIONS);
      if (verb === 'delete' || verb === 'drain' || verb === 'cordon' || (verb === 'replace' && a.includes('--force'))) return true;
      if (verb === 'scale') return a.some((x, i) => x === '--replicas=0' || (x === '--replicas' && a[i + 1] === '0'));
      return verb === 'rollout' && second === 'undo';
    },
  },
  { label: 'helm uninstall', programs: ['helm'], matches: (a) => ['uninstall', 'delete', 'del', 'un', 'rollback'].includes(sub(a, ['-n', '--namespace', '--kube-context'])[0] ?? '') },
  {
    label: 'docker rm',
    programs: ['docker', 'podman', 'docker-compose'],
    matches: (a) => {
      const words = sub(a, DOCKER_VALUE_OPTIONS);
      const [first, second] = words[0] === 'compose' ? words.slice(1) : words;
      if (first === 'down') return hasFlag(a, 'v', '--volumes') || a.some((x) => x.startsWith('--rmi'));
      if (['rm', 'rmi', 'kill'].includes(first ?? '')) return true;
      if (first === 'system' || first === 'volume' || first === 'container' || first === 'image' || first === 'network' || first === 'builder') {
        return ['prune', 'rm', 'remove'].includes(second ?? '');
      }
      return false;
    },
  },
  { label: 'terraform destroy', programs: ['terraform', 'tofu'], matches: (a) => { const [verb, second] = sub(a, ['-chdir']); return verb === 'destroy' || (verb === 'apply' && a.includes('-destroy')) || (verb === 'state' && second === 'rm'); } },
  {
    label: 'git push --force',
    programs: ['git'],
    matches: (a) => {
      const [verb] = sub(a, ['-C', '-c', '--git-dir', '--work-tree']);
      if (verb === 'push') return hasFlag(a, 'f', '--force') || a.some((x) => x.startsWith('--force-with-lease') || x === '--delete' || x === '--mirror' || /^\+/.test(x));
      if (verb === 'reset') return a.includes('--hard');
      if (verb === 'clean') return hasFlag(a, 'f', '--force');
      if (verb === 'branch') return a.includes('-D') || (a.includes('--delete') && a.includes('--force'));
      return false;
    },
  },
  { label: 'shutdown', programs: ['shutdown', 'reboot', 'halt', 'poweroff'], matches: () => true },
  { label: 'init 0/6', programs: ['init', 'telinit'], matches: (a) => ['0', '6'].includes(a[0] ?? '') },
  { label: 'dd of=', programs: ['dd'], matches: (a) => a.some((x) => x.startsWith('of=')) },
  { label: 'mkfs', programs: ['mkfs', 'mke2fs', 'mkswap'], matches: () => true },
  { label: 'truncate', programs: ['truncate'], matches: () => true },
  { label: 'FLUSHALL', programs: ['redis-cli', 'valkey-cli', 'keydb-cli'], matches: (a) => a.some((x) => /^(flushall|flushdb)$/i.test(x)) },
  { label: 'DROP/TRUNCATE/DELETE', programs: ['psql'], matches: (a) => optionValues(a, '-c', '--command').some(destructiveSql) },
  { label: 'DROP/TRUNCATE/DELETE', programs: ['mysql', 'mariadb'], matches: (a) => optionValues(a, '-e', '--execute').some(destructiveSql) },
  { label: 'DROP/TRUNCATE/DELETE', programs: ['sqlite3', 'clickhouse-client', 'cqlsh'], matches: (a) => a.some(destructiveSql) },
  { label: 'iptables -F', programs: ['iptables', 'ip6tables', 'iptables-legacy', 'iptables-nft'], matches: (a) => hasFlag(a, 'F', '--flush') || hasFlag(a, 'X', '--delete-chain') },
  { label: 'nft flush', programs: ['nft'], matches: (a) => a[0] === 'flush' || (a.includes('flush') && a.includes('ruleset')) },
  { label: 'crontab -r', programs: ['crontab'], matches: (a) => a.includes('-r') },
  { label: 'mongo dropDatabase', programs: ['mongo', 'mongosh'], matches: (a) => a.some((x) => /\.drop(Database)?\(|deleteMany\(\s*\{\s*\}\s*\)/.test(x)) },
];
