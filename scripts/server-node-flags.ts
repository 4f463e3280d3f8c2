/**
 * The Node flags a Stride server runs with: `npm start` and `npm run dev` (package.json, which
 * cannot import this, so a test holds the two the same) and the load bench's servers.
 *
 * `--max-semi-space-size=64`: V8 collects its young generation whenever a semi-space fills (16 MB
 * by default). A server with dozens of requests in flight keeps each one's objects alive across
 * those collections, so every collection copies them again; four times the room collects a quarter
 * as often. The load bench graded about 25 % more answers a second at 50 learners (docs/BENCHMARKS.md,
 * issue 11's fifth round), for up to 96 MB more memory per instance.
 */
export const SERVER_NODE_FLAGS: readonly string[] = ["--max-semi-space-size=64"];
