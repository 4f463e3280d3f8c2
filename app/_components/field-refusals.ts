import type { ReasonTranslator } from "./server-message";

/**
 * A refusal that names several fields (an assessment's broken rules) sends one reason per field
 * in `data.fieldReasons` (lib/server/errors.ts). This words each in the page's language, keyed by
 * field path, for a form to show beside its fields; null when the refusal has none, or when the
 * catalogue lacks one of them, so that the form falls back to the server's English message whole
 * rather than mixing the two languages.
 */
export function fieldRefusals(error: unknown, translate: ReasonTranslator): Record<string, string[]> | null {
  const data = error && typeof error === "object" && "data" in error ? (error as { data?: { fieldReasons?: unknown } }).data : undefined;
  const reasons = data?.fieldReasons;
  if (!Array.isArray(reasons) || reasons.length === 0) return null;
  const worded: Record<string, string[]> = {};
  for (const entry of reasons as unknown[]) {
    if (!entry || typeof entry !== "object") return null;
    const { field, reason, params } = entry as { field?: unknown; reason?: unknown; params?: unknown };
    if (typeof field !== "string" || typeof reason !== "string" || !/^[A-Za-z]\w*(\.[A-Za-z]\w*)+$/.test(reason) || !translate.has(reason)) return null;
    const values = params && typeof params === "object" ? Object.fromEntries(Object.entries(params).filter((value): value is [string, string | number] => typeof value[1] === "string" || typeof value[1] === "number")) : {};
    (worded[field] ??= []).push(translate(reason, values));
  }
  return worded;
}
