/**
 * tRPC's data transformer: JSON, plus Dates (the only non-JSON values Stride's API returns —
 * Prisma's DateTime columns). superjson does this and much more for 4 KB (gzip) on every page;
 * this keeps superjson's `{ json }` envelope, so requests written for it still work.
 */
const DATE_TAG = "$stride:date";

type Envelope = { json: unknown };

function encode(value: unknown): unknown {
  if (value instanceof Date) return { [DATE_TAG]: value.toISOString() };
  if (Array.isArray(value)) return value.map(encode);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, encode(entry)]));
  }
  return value;
}

function decode(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decode);
  if (value !== null && typeof value === "object") {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record);
    if (keys.length === 1 && keys[0] === DATE_TAG && typeof record[DATE_TAG] === "string") return new Date(record[DATE_TAG]);
    return Object.fromEntries(keys.map((key) => [key, decode(record[key])]));
  }
  return value;
}

export const dateTransformer = {
  serialize: (value: unknown): Envelope => ({ json: encode(value) }),
  deserialize: (envelope: unknown): unknown => decode((envelope as Envelope | null)?.json),
};
