/** A mistake the user made on the command line or in the config: printed plainly, exit code 2. */
export class UsageError extends Error {
  constructor(message: string, readonly exitCode = 2) {
    super(message);
    this.name = 'UsageError';
  }
}
