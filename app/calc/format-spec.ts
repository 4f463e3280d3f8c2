/**
 * An architecture spec as readable JSON: a layer (or any value) that fits on one line stays on
 * one line, `{"type": "conv2d", "filters": 6, "kernel": 5}`, and only longer values are broken
 * over lines. `JSON.stringify(spec, null, 2)` would give every number of `input` its own line.
 */
const WIDTH = 96;

export function formatSpec(value: unknown, indent = ""): string {
  const inline = oneLine(value);
  if (inline.length + indent.length <= WIDTH || value === null || typeof value !== "object") return inline;
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    return `[\n${value.map((item) => inner + formatSpec(item, inner)).join(",\n")}\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, item]) => item !== undefined);
  return `{\n${entries.map(([key, item]) => `${inner}${JSON.stringify(key)}: ${formatSpec(item, inner)}`).join(",\n")}\n${indent}}`;
}

function oneLine(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(oneLine).join(", ")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, item]) => item !== undefined);
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}: ${oneLine(item)}`).join(", ")}}`;
  }
  return JSON.stringify(value) ?? "null";
}
