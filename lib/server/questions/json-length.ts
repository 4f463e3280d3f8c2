/**
 * The length of `JSON.stringify(value)`, counted without recursion and without building the text,
 * up to `stopAfter` (past it the count stops and says `stopAfter + 1`). `JSON.stringify` itself
 * recurses once per level, so on a definition of 10,000 nested arrays it would throw "Maximum call
 * stack size exceeded" before the size could be judged.
 */
export function jsonLength(value: unknown, stopAfter: number): number {
  let length = 0;
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    if (length > stopAfter) return stopAfter + 1;
    const next = pending.pop();
    if (next === null || typeof next === "boolean" || typeof next === "number" || typeof next === "string") {
      length += JSON.stringify(next).length;
    } else if (Array.isArray(next)) {
      // Brackets and commas; `undefined` and functions in an array are written as null.
      length += 2 + Math.max(0, next.length - 1);
      for (const item of next) pending.push(item === undefined || typeof item === "function" ? null : item);
    } else if (typeof next === "object") {
      const entries = Object.entries(next).filter(([, inner]) => inner !== undefined && typeof inner !== "function");
      length += 2 + Math.max(0, entries.length - 1);
      for (const [key, inner] of entries) {
        length += JSON.stringify(key).length + 1;
        pending.push(inner);
      }
    }
  }
  return length;
}
