import { tf } from "../tf";
import { nest, readArray } from "./nested-array";
import type { OpPlan } from "./op-plan";
import { checkFields, type OpFields } from "./op-options";

/**
 * `relu`, `sigmoid` and `tanh`, value by value on an array of any shape up to 4-D (or one number):
 * `max(0, x)`, `1/(1 + e^(−x))`, `(e^x − e^(−x))/(e^x + e^(−x))` (d2l 4.1 zh / 5.1 en).
 */
export type Activation = "relu" | "sigmoid" | "tanh";

export function activate(spec: OpFields, activation: Activation): OpPlan {
  checkFields(activation, spec, ["input"]);
  const input = readArray(activation, "input", spec.input, [0, 1, 2, 3, 4]);
  return {
    compute: () => {
      const x = tf.tensor1d(input.values);
      return [activation === "relu" ? tf.relu(x) : activation === "sigmoid" ? tf.sigmoid(x) : tf.tanh(x)];
    },
    answer: ([values]) => ({ output: nest(activation, values!, input.shape) }),
  };
}
