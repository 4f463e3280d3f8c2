export type ProblemErrorCode = "unknown-template" | "invalid-seed" | "invalid-lang" | "invalid-variant";

/**
 * A request for a problem that cannot exist (unknown template, bad seed or language), or a
 * template that produced an invalid variant (a question error: our bug, caught by the tests over
 * many seeds). The message is for the developer or instructor, in English.
 */
export class ProblemError extends Error {
  readonly code: ProblemErrorCode;

  constructor(code: ProblemErrorCode, message: string) {
    super(message);
    this.name = "ProblemError";
    this.code = code;
  }
}
