import { channelsFirstToLast, channelsLastToFirst } from "../layout";
import { tf } from "../tf";
import { readGradOutput } from "./grad-output";
import { nest } from "./nested-array";
import type { OpPlan } from "./op-plan";
import type { OpFields } from "./op-options";
import { poolTensor, readPool } from "./pool";

/**
 * `maxpool2d_grad` and `avgpool2d_grad`: ∂L/∂input of a pooling layer for a given ∂L/∂output
 * (`grad_output`), L = Σ grad_output ⊙ output, as PyTorch's autograd computes it (NNDL 5.3.2:
 * max pooling passes each δ to the window's maximum, average pooling spreads it evenly over the
 * window). Fields are those of `maxpool2d` / `avgpool2d` plus `grad_output`, shaped like their
 * output (`[oh][ow]` or `[C][oh][ow]`); the answer is `{grad_input}`, shaped like `input`.
 */

/**
 * Average pooling is linear, `y = A·x`, so its gradient is `Aᵀ·δ`, and tfjs's autodiff of the
 * forward pass computes exactly that: `poolTensor` already builds PyTorch's windows (the
 * ceil_mode overhang as extra padding, sliced away) and divisors (`count_include_pad` as a
 * per-window rescale of tfjs's `kh·kw` average), and the gradient runs back through the same
 * rescale, AvgPoolGrad and the padding, so each window's δ/divisor lands only on its cells inside
 * the input, as in PyTorch's `avg_pool2d_backward`.
 */
export function avgPool2dGrad(spec: OpFields): OpPlan {
  const op = "avgpool2d_grad";
  const pool = readPool(op, spec, "avg", ["grad_output"]);
  const [oh, ow] = pool.output;
  const [height, width] = pool.size;
  const grad = readGradOutput(op, spec, pool.plain ? [oh, ow] : [pool.channels, oh, ow], "avgpool2d");
  const dy = channelsFirstToLast(grad.values, 1, pool.channels, oh * ow);
  return {
    compute: () => {
      const x = tf.tensor4d(pool.data, [1, height, width, pool.channels]);
      return [tf.grad((input) => poolTensor(pool, input as tf.Tensor4D))(x, tf.tensor4d(dy, [1, oh, ow, pool.channels]))];
    },
    answer: ([values]) => ({
      grad_input: nest(op, channelsLastToFirst(values!, 1, pool.channels, height * width), pool.input.shape),
    }),
  };
}

/**
 * Max pooling is computed here, not by tfjs's autodiff, because tfjs's MaxPoolGrad does not
 * follow PyTorch on ties: the cpu backend keeps the first maximum of a window (`pixel > maxValue`
 * in `maxPoolPositions`) but WebGL keeps the last (`>=` in `pool_gpu.js`), and tfjs's `maxPool`
 * takes no dilation. PyTorch (`cpu_max_pool` in `aten/src/ATen/native/cpu/MaxPoolKernel.cpp`)
 * scans each window row by row over its in-input taps `X[o·s − p + a·d]` and keeps the first
 * strictly larger value, so a tie goes to the first maximum in row-major order; padding (−∞)
 * never wins. Each δ is added to that cell, so a cell that is the maximum of several overlapping
 * windows receives the sum of their δ. Plain float32 arithmetic, the same on every backend.
 */
export function maxPool2dGrad(spec: OpFields): OpPlan {
  const op = "maxpool2d_grad";
  const pool = readPool(op, spec, "max", ["grad_output"]);
  const [oh, ow] = pool.output;
  const [height, width] = pool.size;
  const grad = readGradOutput(op, spec, pool.plain ? [oh, ow] : [pool.channels, oh, ow], "maxpool2d");
  const x = pool.input.values;
  const gradInput = new Float32Array(pool.channels * height * width);
  for (let c = 0; c < pool.channels; c++) {
    const base = c * height * width;
    for (let i = 0; i < oh; i++) {
      for (let j = 0; j < ow; j++) {
        let best = -1;
        for (let a = 0; a < pool.kernel[0]; a++) {
          const row = i * pool.stride[0] - pool.padding[0] + a * pool.dilation[0];
          if (row < 0 || row >= height) continue;
          for (let b = 0; b < pool.kernel[1]; b++) {
            const column = j * pool.stride[1] - pool.padding[1] + b * pool.dilation[1];
            if (column < 0 || column >= width) continue;
            const at = base + row * width + column;
            if (best < 0 || x[at]! > x[best]!) best = at;
          }
        }
        // `readPool` refused windows that reach no input cell, so `best` is a cell.
        gradInput[best] = Math.fround(gradInput[best]! + grad.values[(c * oh + i) * ow + j]!);
      }
    }
  }
  return {
    compute: () => [],
    answer: () => ({ grad_input: nest(op, gradInput, pool.input.shape) }),
  };
}
