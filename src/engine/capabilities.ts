import { actionsCapability } from '../actions/capability.js';
import { alertsCapability } from '../alerts/capability.js';
import { annotationsCapability } from '../annotations/capability.js';
import { escalationCapability } from '../escalation/capability.js';
import { logsCapability } from '../logs/capability.js';
import { metricsCapability } from '../metrics/capability.js';
import { statusBoardCapability } from '../probes/capability.js';
import { selfMetricsCapability } from '../selfmetrics/capability.js';
import { shareCapability } from '../share/capability.js';
import { observedFeedCapability, runbookCapability } from '../runbooks/capability.js';
import { timelineCapability } from '../timeline/capability.js';
import type { CapabilityFactory } from './capability.js';

/** The capabilities a console starts, in order. Each area adds its factory here. */
export const CAPABILITIES: CapabilityFactory[] = [
  timelineCapability,
  // Before escalation: automatic paging claims through the shared incident once it is up.
  shareCapability,
  statusBoardCapability,
  logsCapability,
  metricsCapability,
  runbookCapability,
  observedFeedCapability,
  actionsCapability,
  escalationCapability,
  alertsCapability,
  annotationsCapability,
  selfMetricsCapability,
];
