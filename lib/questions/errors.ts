export type QuestionErrorCode =
  /** A definition that does not match its schema (the issues name the field path). */
  | "invalid-definition"
  /** One variant could not be built: a bad placeholder, a formula error, a key of the wrong kind. */
  | "invalid-variant"
  /** The engine refused the spec or op built from the variables (`EngineError`'s message kept). */
  | "engine-error"
  /** A built-in question whose constraints no seed of its template satisfies. */
  | "no-seed"
  /** A bank bundle that is not JSON or does not match the bundle schema. */
  | "invalid-bundle";

/** One problem with a document, at a dotted path (`questions.0.versions.1.definition.variables.2.max`). */
export interface QuestionIssue {
  path: string;
  message: string;
}

/**
 * An instructor's mistake in a question or a bundle (a question error in STYLE.md §4's sense):
 * shown to the instructor in preview, validation or import, never blamed on a learner. The message
 * is in English, for the author.
 */
export class QuestionError extends Error {
  readonly code: QuestionErrorCode;
  readonly issues: readonly QuestionIssue[];

  constructor(code: QuestionErrorCode, message: string, issues: readonly QuestionIssue[] = []) {
    super(message);
    this.name = "QuestionError";
    this.code = code;
    this.issues = issues;
  }
}
