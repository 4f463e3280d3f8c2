/**
 * The server names each problem of a definition by its field path, one `path: message` per issue
 * joined by "; " (lib/server/questions/question-content.ts). The editor splits them again so each
 * message stands beside its field, and lists them all above the form.
 */
export type FieldErrors = Readonly<Record<string, readonly string[]>>;

const ISSUE = /^([A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*|\(document\)): ([\s\S]*)$/;

export function parseFieldErrors(message: string): FieldErrors {
  const errors: Record<string, string[]> = {};
  const parts = message.split(/;\s(?=(?:[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*|\(document\)): )/);
  for (const part of parts) {
    const match = ISSUE.exec(part.trim());
    const path = match && match[1] !== "(document)" ? (match[1] as string) : "";
    (errors[path] ??= []).push(match ? (match[2] as string) : part.trim());
  }
  return errors;
}

/**
 * What a refused save shows: a definition the server could not accept (a BAD_REQUEST with no
 * reason) names each problem by its field path in the English message, split back by field; any
 * other refusal (the bank deleted meanwhile, a busy server, a lost connection) is one sentence in
 * the page's language, above the form (`refusal`: app/_components/use-server-message.ts).
 */
export function saveRefusal(error: unknown, refusal: (error: unknown) => string): FieldErrors {
  const data = error && typeof error === "object" && "data" in error ? (error as { data?: { code?: unknown; reason?: unknown } | null }).data : null;
  const message = error instanceof Error ? error.message : "";
  const namesFields = data?.code === "BAD_REQUEST" && data.reason == null && message.trim() !== "";
  return namesFields ? parseFieldErrors(message) : { "": [refusal(error)] };
}

/** The messages at `path` exactly (a field's own problems). */
export function errorsAt(errors: FieldErrors, path: string): readonly string[] {
  return errors[path] ?? [];
}
