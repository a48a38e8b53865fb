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

  /** Stops in reverse order; a failing stop does not keep the others running. */
  async stop(): Promise<void> {
    const errors: unknown[] = [];
    while (this.running.length > 0) {
      const capability = this.running.pop()!;
      try {
        await capability.stop();
      } catch (error) {
        errors.push(error);
      }
    }
    await this.context.executor.close();
    if (errors.length > 0) throw new AggregateError(errors, 'some capabilities failed to stop');
  }
}
