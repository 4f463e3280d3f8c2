import type { Flow } from "./layer-kind";

/**
 * The flow after a sliding-window layer (convolution, pooling) with per-axis output sizes `out`:
 * per axis `r_out = r_in + d·(k − 1)·j_in`, `j_out = j_in · s` (Araujo, Norris & Sim, "Computing
 * Receptive Fields of Convolutional Neural Networks", Distill 2019, eq. (1)–(2); the same
 * recurrence as `receptiveFieldAfter` in `shapes.ts`, written out here to allocate nothing more).
 */
export function slideFlow(
  input: Flow,
  shape: readonly number[],
  out: readonly number[],
  kernel: readonly number[],
  stride: readonly number[],
  dilation: readonly number[] | null,
): Flow {
  const axes = out.length;
  const receptiveField = new Array<number>(axes);
  const jump = new Array<number>(axes);
  for (let axis = 0; axis < axes; axis += 1) {
    const inputJump = input.jump[axis] ?? 1;
    receptiveField[axis] = (input.receptiveField[axis] ?? 1) + (dilation?.[axis] ?? 1) * ((kernel[axis] ?? 1) - 1) * inputJump;
    jump[axis] = inputJump * (stride[axis] ?? 1);
  }
  return { shape, receptiveField, jump, extent: out };
}
