// Loaded into a console process by B7 (`node --import gc-probe.mjs bin/warroom.js ...`) so the
// benchmark can see the live heap from outside without disturbing it: after each of the
// process's own major (mark-compact) collections, it appends the V8 old generation's size and
// the whole heap in use to the file named by WARROOM_BENCH_GC_PROBE, one JSON line each. It
// forces no collection (forcing one every few seconds was tried: it held RSS 50-100 MB below
// what the console reaches on its own). Without the variable it does nothing.
import { appendFileSync } from 'node:fs';
import { constants, PerformanceObserver } from 'node:perf_hooks';
import { getHeapSpaceStatistics } from 'node:v8';

const out = process.env.WARROOM_BENCH_GC_PROBE;
if (out) {
  const observer = new PerformanceObserver((list) => {
    if (!list.getEntries().some((entry) => entry.detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR)) return;
    const old = getHeapSpaceStatistics().find((space) => space.space_name === 'old_space');
    const { heapUsed, external } = process.memoryUsage();
    appendFileSync(out, `${JSON.stringify({ at: Date.now(), old: old?.space_used_size ?? null, heapUsed, external })}\n`);
  });
  observer.observe({ entryTypes: ['gc'] });
}
