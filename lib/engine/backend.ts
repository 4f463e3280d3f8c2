import { tf } from "./tf";

/**
 * Which TensorFlow.js backend the engine computes on. The choice is made once per process or page
 * by `prepareNodeEngine` (`backend-node.ts`) or `prepareBrowserEngine` (`backend-browser.ts`),
 * kept in separate modules so that neither bundle carries the other's backend package.
 */
export interface EngineInfo {
  /** tfjs's name for it: "wasm" or "cpu" in Node; "webgpu", "webgl" or "cpu" in a browser. */
  backend: string;
  platform: "node" | "browser";
  tfjsVersion: string;
}

export function engineInfo(): EngineInfo {
  return {
    backend: tf.getBackend() ?? "none",
    platform: tf.env().getBool("IS_NODE") ? "node" : "browser",
    tfjsVersion: tf.version.tfjs,
  };
}

/** Switches to the first of `names` that initialises here; false when none does. */
export async function switchToFirstBackend(names: readonly string[]): Promise<boolean> {
  for (const name of names) {
    if (tf.findBackendFactory(name) && (await tf.setBackend(name))) return true;
  }
  return false;
}
