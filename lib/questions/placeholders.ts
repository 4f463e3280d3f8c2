/** `{{name}}`, with optional spaces inside the braces. */
const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** The names of the placeholders in a text, in order of first use. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1] as string))];
}

/** A value as a prompt shows it: floating-point noise (0.30000000000000004) rounded away. */
export function formatValue(value: number | boolean | readonly unknown[]): string {
  if (typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return `[${value.map((v) => formatValue(v as number)).join(", ")}]`;
  return String(Number((value as number).toPrecision(12)));
}

/** Fills every `{{name}}`; a name without a value throws, naming it (a bad placeholder). */
export function fillPlaceholders(text: string, values: Readonly<Record<string, number | boolean | readonly unknown[]>>): string {
  return text.replace(PLACEHOLDER, (_, name: string) => {
    if (!Object.hasOwn(values, name)) throw new PlaceholderError(name);
    return formatValue(values[name] as number);
  });
}

/**
 * An engine spec or op template with variables in: a string that is exactly `"{{name}}"` becomes
 * the variable's number (so `"kernel": "{{k}}"` is `"kernel": 3`), a placeholder inside a longer
 * string (a layer's name) is filled as text; everything else is copied.
 */
export function substituteJson(template: unknown, values: Readonly<Record<string, number | boolean>>): unknown {
  if (typeof template === "string") {
    const whole = /^\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}$/.exec(template);
    if (whole) {
      const name = whole[1] as string;
      if (!Object.hasOwn(values, name)) throw new PlaceholderError(name);
      return values[name];
    }
    return fillPlaceholders(template, values);
  }
  if (Array.isArray(template)) return template.map((item) => substituteJson(item, values));
  if (typeof template === "object" && template !== null) {
    return Object.fromEntries(Object.entries(template).map(([key, value]) => [key, substituteJson(value, values)]));
  }
  return template;
}

/** A `{{name}}` whose name is no variable. */
export class PlaceholderError extends Error {
  constructor(readonly placeholder: string) {
    super(`unknown placeholder {{${placeholder}}}`);
    this.name = "PlaceholderError";
  }
}
