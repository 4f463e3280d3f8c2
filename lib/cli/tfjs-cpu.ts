/**
 * What the CLI bundle takes for `@tensorflow/tfjs` (`scripts/build-cli.ts` aliases it here): the
 * same packages that `@tensorflow/tfjs` re-exports and the engine uses in Node (core with its
 * gradients and chained ops, the cpu backend, layers for shape inference), without the WebGL
 * backend, the graph-model converter and tfjs-data, which a Node process never runs. The numbers
 * are the same code's; the bundle is about a megabyte smaller, and every command that loads the
 * engine compiles that much less at start (docs/BENCHMARKS.md, issue 13). The browser and the
 * server import `@tensorflow/tfjs` itself.
 */
import "@tensorflow/tfjs-core/dist/register_all_gradients";
import "@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops";
import { version_core } from "@tensorflow/tfjs-core";
import { version_cpu } from "@tensorflow/tfjs-backend-cpu";
import { version_layers } from "@tensorflow/tfjs-layers";

export * from "@tensorflow/tfjs-core";
export * from "@tensorflow/tfjs-layers";
export * from "@tensorflow/tfjs-backend-cpu";

/** `@tensorflow/tfjs`'s `version`, for the packages bundled here (all released together). */
export const version = { "tfjs-core": version_core, "tfjs-backend-cpu": version_cpu, "tfjs-layers": version_layers, tfjs: version_core };
