// CPU time of a command, for benchmarks on a shared machine: wall time inflates with the load
// other people put on the two cores, CPU time much less, so both are reported.
import { spawnSync } from 'node:child_process';

/** Wall and CPU (user + system) seconds of one run of `argv`, or null when it cannot run. */
export function timeCommand(argv: string[]): { wall: number; cpu: number; stdout: string } | null {
  const quoted = argv.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const start = process.hrtime.bigint();
  const result = spawnSync('bash', ['-c', `TIMEFORMAT='%U %S'; time ${quoted}`], { encoding: 'utf8' });
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  if (result.error || (result.status !== 0 && result.status !== 1)) return null;
  const times = /([\d.]+) ([\d.]+)\s*$/.exec(result.stderr);
  if (!times) return null;
  return { wall, cpu: Number(times[1]) + Number(times[2]), stdout: result.stdout };
}

/** CPU seconds this process has used so far. */
export function ownCpuSeconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}

/** The median of some numbers. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
