/**
 * Whether two computations of one key agree: the server's (Node, float32 on the cpu backend) and
 * the learner's browser's (webgl or webgpu, whose float32 kernels round differently). Numbers
 * agree within a relative `tolerance` (absolute below 1); arrays entry by entry with the same
 * dimensions; anything else (choice letters, booleans) exactly.
 */
export function keysAgree(a: unknown, b: unknown, tolerance = 1e-4): boolean {
  if (typeof a === "number" && typeof b === "number") {
    if (!Number.isFinite(a) || !Number.isFinite(b)) return a === b;
    return Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(a));
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((entry, index) => keysAgree(entry, b[index], tolerance));
  }
  return a === b;
}
