/**
 * The engine check asks the server for its answers in slices: the server answers at most
 * CHECK_SLICE ops a call and MAX_CHECK_LENGTH in all (lib/server/routers/engine.ts:
 * MAX_CHECK_OPS and MAX_CHECK_LENGTH; tests/server/engine-check-slices.test.ts keeps them equal).
 */
export const CHECK_SLICE = 100;
export const MAX_CHECK_LENGTH = 1000;

/** `{offset, count}` of each call for a check of `total` ops. */
export function checkSlices(total: number): { offset: number; count: number }[] {
  const slices: { offset: number; count: number }[] = [];
  for (let offset = 0; offset < total; offset += CHECK_SLICE) slices.push({ offset, count: Math.min(CHECK_SLICE, total - offset) });
  return slices;
}
