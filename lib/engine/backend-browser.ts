import { type EngineInfo, engineInfo, switchToFirstBackend } from "./backend";
import { tf } from "./tf";

let prepared: Promise<EngineInfo> | null = null;

/**
 * The browser's backend, best first: WebGPU where the browser grants an adapter, else WebGL
 * (part of `@tensorflow/tfjs`), else the cpu backend. The WebGPU package is loaded only when the
 * browser has `navigator.gpu`, so other browsers never download it. With WebGPU, read results
 * with `runAsync`: it has no synchronous read of GPU memory. Idempotent.
 */
export function prepareBrowserEngine(): Promise<EngineInfo> {
  prepared ??= (async () => {
    if (typeof navigator !== "undefined" && "gpu" in navigator) {
      try {
        await import("@tensorflow/tfjs-backend-webgpu");
      } catch {
        // Not loadable here: WebGL is next.
      }
    }
    // The engine's ops come in ever-new small shapes; by default WebGL compiles a shader per shape
    // (seconds for a few hundred ops under SwiftShader). With shapes as uniforms it reuses them.
    tf.env().set("WEBGL_USE_SHAPES_UNIFORMS", true);
    await switchToFirstBackend(["webgpu", "webgl", "cpu"]);
    await tf.ready();
    return engineInfo();
  })();
  return prepared;
}
