import { type DenseArray, invalid, readArray, shapeText } from "./nested-array";
import type { OpFields } from "./op-options";

/**
 * The `grad_output` of a gradient op (∂L/∂output, with L = Σ grad_output ⊙ output): it must have
 * exactly the shape of the forward op's output, which the message states, so a learner's or an
 * author's slip (a transposed or unpadded δ) is named rather than broadcast.
 */
export function readGradOutput(op: string, spec: OpFields, expected: readonly number[], forward: string): DenseArray {
  const grad = readArray(op, "grad_output", spec.grad_output, [expected.length]);
  if (grad.shape.some((size, axis) => size !== expected[axis])) {
    throw invalid(op, `grad_output must have the shape of the ${forward}'s output, ${shapeText(expected)}, got ${shapeText(grad.shape)}`);
  }
  return grad;
}
