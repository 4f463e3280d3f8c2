// Stands in for the `server-only` package in tests: Node has no react-server condition, and the
// guard it provides (no server module in a client bundle) is a build-time concern.
export {};
