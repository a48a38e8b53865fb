// The status board as an engine capability: probes start with the console and stop with it,
// leaving no timer or pooled socket behind.
import type { Capability, CapabilityFactory } from '../engine/capability.js';
import { createHttpPool } from './http-pool.js';
import { startStatusBoard, type StatusBoard } from './status-board.js';

/** Starts the status board when the config has any checks. */
export const statusBoardCapability: CapabilityFactory = (context) => {
  if (!context.config.services.some((service) => service.checks.length > 0)) return null;
  let board: StatusBoard | undefined;
  const pool = createHttpPool();
  const capability: Capability = {
    name: 'probes',
    start: () => {
      board = startStatusBoard({ ...context, pool });
    },
    stop: async () => {
      await board?.stop();
      await pool.close();
    },
  };
  return capability;
};
