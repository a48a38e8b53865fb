// warroom's own /metrics: the counting functions capabilities call, and the server.
export { addDefaultMetrics, createSelfMetrics, type SelfMetrics } from './registry.js';
export {
  countAction,
  countEscalation,
  countLogLines,
  countTimelineEvent,
  observeProbe,
  observeRender,
  selfMetrics,
  servedSelfMetrics,
  setChecksByState,
} from './record.js';
export { serveSelfMetrics, startSelfMetricsServer, type SelfMetricsServer } from './server.js';
