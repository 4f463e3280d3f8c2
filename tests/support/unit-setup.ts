import { beforeAll } from "vitest";
import { tf } from "@/lib/engine/tf";

// Unit files share one module graph (vitest.config.ts, isolate: false), and with it tfjs's
// global backend: a file that ran the engine on wasm must not leave the next file there. Each
// file starts where a fresh process does (lib/engine/tf.ts): on cpu.
beforeAll(async () => {
  if (tf.getBackend() !== "cpu") await tf.setBackend("cpu");
});
