// A worker thread's entry must be JavaScript, and tsx (the thread's `--import tsx`) compiles what
// it requires, not what it imports, on a worker thread. The thread's work is in TypeScript beside it.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- see above: require is the point
require("./embedded-thread-entry.ts");
