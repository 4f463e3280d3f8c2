/** A mistake in how the CLI was called (unknown command or flag, missing value): exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}
