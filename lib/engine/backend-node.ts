import { type EngineInfo, engineInfo, switchToFirstBackend } from "./backend";
import { tf } from "./tf";

export type NodeBackend = "cpu" | "wasm";

/**
 * Node's backend. `cpu` (pure JavaScript), which `tf.ts` selects on load, is the default: on the
 * small ops the engine answers (5×5 input, 3×3 kernel) it measured faster than
 * `@tensorflow/tfjs-backend-wasm` through `run` (about 6.5 µs against 8 µs an op, best of five,
 * figures in docs/BENCHMARKS.md), since an op that small is mostly the cost of making and reading
 * tensors. `wasm` (XNNPACK compiled to WebAssembly) wins by far on large tensors (a 64×64×16 conv
 * with 16 filters: 0.57 ms against 12.8 ms), so it can be chosen for that work. In Node the wasm
 * package finds its `.wasm` files beside its own script in node_modules: nothing is fetched.
 * Resolves to the backend in use; falls back to cpu when wasm cannot load.
 */
export async function prepareNodeEngine(backend: NodeBackend = "cpu"): Promise<EngineInfo> {
  if (backend === "wasm") {
    try {
      await import("@tensorflow/tfjs-backend-wasm");
    } catch {
      // Not installed or not loadable: cpu stays.
    }
  }
  if (!(await switchToFirstBackend(backend === "wasm" ? ["wasm", "cpu"] : ["cpu"]))) throw new Error("no tfjs backend initialises");
  await tf.ready();
  return engineInfo();
}
