import type { Capability, CapabilityFactory, EngineContext } from './capability.js';
import { CAPABILITIES } from './capabilities.js';

/** Starts every configured capability on one context and stops them all, whatever fails. */
export class Engine {
  private readonly running: Capability[] = [];

  constructor(
    readonly context: EngineContext,
    private readonly factories: readonly CapabilityFactory[] = CAPABILITIES,
  ) {}

  /** Starts capabilities in order; if one fails to start, the ones already started are stopped. */
  async start(): Promise<void> {
    for (const factory of this.factories) {
      const capability = factory(this.context);
      if (!capability) continue;
      try {
        await capability.start();
      } catch (error) {
        await this.stop();
        throw error;
      }
      this.running.push(capability);
    }
  }

  /**
   * Stops in reverse order; a failing stop does not keep the others running. `lastWords` (who
   * left) is recorded once everything that records by itself has stopped and the hosts are
   * closed, but before the capabilities that carry the record out (the timeline feed, sharing)
   * stop: it is the journal's last event and still reaches the other consoles.
   */
  async stop(lastWords?: () => void): Promise<void> {
    const errors: unknown[] = [];
    const carriers = this.running.filter((c) => c.carriesRecord === true);
    const others = this.running.filter((c) => c.carriesRecord !== true);
    this.running.length = 0;
    await stopAll(others, errors);
    await this.context.executor.close();
    try {
      lastWords?.();
    } catch (error) {
      errors.push(error);
    }
    await stopAll(carriers, errors);
    if (errors.length > 0) throw new AggregateError(errors, 'some capabilities failed to stop');
  }
}

/** Stops capabilities last-started first, collecting failures. */
async function stopAll(capabilities: Capability[], errors: unknown[]): Promise<void> {
  while (capabilities.length > 0) {
    const capability = capabilities.pop()!;
    try {
      await capability.stop();
    } catch (error) {
      errors.push(error);
    }
  }
}
