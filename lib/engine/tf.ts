import * as tf from "@tensorflow/tfjs";

/**
 * The one place that imports TensorFlow.js and chooses its backend.
 *
 * In Node the engine runs on the pure-JavaScript `cpu` backend (`@tensorflow/tfjs-node` cannot
 * be installed here, ENVIRONMENT.md). Production mode silences tfjs's console advice ("install
 * our node backend …", printed on the first tensor the cpu backend stores) and its debug checks;
 * choosing `cpu` up front keeps tfjs from trying WebGL first. Registering the cpu backend is
 * synchronous, so the backend is in place when this module has loaded. In a browser tfjs keeps
 * its own choice (WebGL or WebGPU, with cpu as fallback).
 */
if (tf.env().getBool("IS_NODE")) {
  tf.enableProdMode();
  void tf.setBackend("cpu");
}

/**
 * The backend that ops run on now. A browser's tfjs chooses its backend at the first tensor op, so
 * before that `tf.getBackend()` names none; asking for the backend makes the choice (the best one
 * that starts without waiting), so an op that checks its kernels before any tensor exists (a page
 * whose first problem is a gradient) checks the backend it will run on.
 */
export function activeBackendName(): string {
  tf.backend();
  return tf.getBackend();
}

export { tf };
