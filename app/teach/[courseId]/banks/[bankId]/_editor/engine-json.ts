/**
 * The engine spec or op of a custom answer as the instructor types it: JSON in which a bare
 * `{{name}}` stands for a variable's number (`"kernel": {{k}}`), easier to read and write than the
 * stored form, where a number placeholder is the string `"{{k}}"` (lib/questions' substituteJson).
 */

const BARE = /^\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/;

/** Typed text → the stored JSON value; bare placeholders outside strings become `"{{name}}"`. */
export function parseEngineJson(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  let quoted = "";
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i] as string;
    if (inString) {
      quoted += char;
      if (char === "\\") {
        quoted += text[i + 1] ?? "";
        i += 1;
      } else if (char === '"') inString = false;
      continue;
    }
    if (char === '"') {
      inString = true;
      quoted += char;
      continue;
    }
    const placeholder = BARE.exec(text.slice(i));
    if (placeholder) {
      quoted += `"{{${placeholder[1]}}}"`;
      i += placeholder[0].length - 1;
      continue;
    }
    quoted += char;
  }
  try {
    return { ok: true, value: JSON.parse(quoted) };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}

/** The stored value → text to edit: a string that is only a placeholder is shown bare. */
export function formatEngineJson(value: unknown): string {
  const text = JSON.stringify(value ?? {});
  const compact = text.length <= 100 ? text : JSON.stringify(value, null, 2);
  return compact.replace(/"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}"/g, "{{$1}}");
}
