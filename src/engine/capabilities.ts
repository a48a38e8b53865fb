import { actionsCapability } from '../actions/capability.js';
import { escalationCapability } from '../escalation/capability.js';
import type { CapabilityFactory } from './capability.js';

/** The capabilities a console starts, in order. Each area adds its factory here. */
export const CAPABILITIES: CapabilityFactory[] = [actionsCapability, escalationCapability];
