import { channelsFirstToLast, channelsLastToFirst, torchKernelToTf } from "../layout";
import { convOutputSize } from "../shapes";
import { activeBackendName, tf } from "../tf";
import { readGradOutput } from "./grad-output";
import { invalid, nest, readArray, shapeText } from "./nested-array";
import type { GradientAnswer, OpPlan } from "./op-plan";
import { checkFields, type OpFields, readPair } from "./op-options";

/**
 * `conv2d_grad`: the gradients of a convolution layer (cross-correlation, as `corr2d` and
 * PyTorch's Conv2d) for a given ∂L/∂output, `grad_output` (δ), with L = Σ δ ⊙ output:
 * `{grad_input, grad_kernel, grad_bias}`, shaped like `input`, `kernel` and `[O]` (a number for an
 * `[H][W]` input with a `[kh][kw]` kernel). NNDL 5.3 (eq. 5.36–5.39) at stride 1 and no padding:
 * ∂L/∂W = X ⋆ δ (the correlation of the input with δ), ∂L/∂X = rot180(W) ⊛̃ δ (the wide
 * convolution of δ with the turned kernel), ∂L/∂b = Σ δ; with stride, padding and dilation the
 * same sums run over the taps the forward pass used.
 *
 * These are tfjs's autodiff of the forward pass (`tf.grads`: Conv2DBackpropInput and
 * Conv2DBackpropFilter), which is exact calculus and agrees with PyTorch's autograd: no tie or
 * window rule is involved. The dilated kernel is spread out with zeros before the convolution
 * (tfjs refuses a stride and a dilation both over 1), so the gradient of tap `(a, b)` is read
 * from the spread kernel's gradient at `(a·d, b·d)`; the zeros between taps are not weights.
 *
 * With a `learning_rate` η the answer also carries `kernel_after_step`, W − η·∂L/∂W: one step of
 * plain gradient descent on the kernel, as d2l 7.2.4 takes it (`conv2d.weight.data[:] -= lr *
 * conv2d.weight.grad`) and `torch.optim.SGD` without momentum or weight decay, so a problem can
 * ask for the updated kernel and still be keyed by the engine.
 */

const FIELDS = ["input", "kernel", "grad_output", "stride", "padding", "dilation", "learning_rate"] as const;

/** η, a positive finite number, or `undefined` when the op asks for no step. */
function readLearningRate(op: string, spec: OpFields): number | undefined {
  const value = spec.learning_rate;
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) throw invalid(op, `learning_rate must be a number > 0, got ${JSON.stringify(value)}`);
  return value;
}

export function conv2dGrad(spec: OpFields): OpPlan {
  const op = "conv2d_grad";
  checkFields(op, spec, FIELDS);
  const input = readArray(op, "input", spec.input, [2, 3]);
  const kernel = readArray(op, "kernel", spec.kernel, [2, 4]);
  const plainKernel = kernel.shape.length === 2;
  const [channels, height, width] = (input.shape.length === 2 ? [1, ...input.shape] : input.shape) as [number, number, number];
  const [out, kernelChannels, kh, kw] = (plainKernel ? [1, 1, ...kernel.shape] : kernel.shape) as [number, number, number, number];
  if (plainKernel && input.shape.length === 3) {
    throw invalid(op, `a [kh][kw] kernel takes an [H][W] input; for a [C][H][W] input give an [O][C][kh][kw] kernel`);
  }
  if (kernelChannels !== channels) {
    throw invalid(op, `the kernel ${shapeText(kernel.shape)} has ${kernelChannels} input channel(s), the input ${shapeText(input.shape)} has ${channels}`);
  }
  const stride = readPair(op, spec, "stride", [1, 1], 1);
  const padding = readPair(op, spec, "padding", [0, 0], 0);
  const dilation = readPair(op, spec, "dilation", [1, 1], 1);
  const learningRate = readLearningRate(op, spec);
  const spanHeight = dilation[0] * (kh - 1) + 1;
  const spanWidth = dilation[1] * (kw - 1) + 1;
  if (spanHeight > height + 2 * padding[0] || spanWidth > width + 2 * padding[1]) {
    const dilated = dilation[0] > 1 || dilation[1] > 1 ? ", dilated" : "";
    throw invalid(op, `the kernel (${spanHeight}×${spanWidth}${dilated}) is larger than the padded input (${height + 2 * padding[0]}×${width + 2 * padding[1]})`);
  }
  const oh = convOutputSize(height, kh, padding[0], stride[0], dilation[0]);
  const ow = convOutputSize(width, kw, padding[1], stride[1], dilation[1]);
  const grad = readGradOutput(op, spec, plainKernel ? [oh, ow] : [out, oh, ow], "convolution");
  const backend = activeBackendName();
  if (!tf.getKernel("Conv2DBackpropFilter", backend)) {
    // The wasm backend has no Conv2DBackpropFilter (tfjs 4.22); cpu, WebGL and WebGPU have it.
    throw new Error(`${op}: the ${backend} backend cannot differentiate a convolution by its kernel; use the cpu backend`);
  }

  const spread = new Float32Array(out * channels * spanHeight * spanWidth);
  for (let plane = 0; plane < out * channels; plane++) {
    for (let a = 0; a < kh; a++) {
      for (let b = 0; b < kw; b++) {
        spread[(plane * spanHeight + a * dilation[0]) * spanWidth + b * dilation[1]] = kernel.values[(plane * kh + a) * kw + b]!;
      }
    }
  }
  const filter = torchKernelToTf(spread, out, channels, spanHeight, spanWidth);
  const data = channelsFirstToLast(input.values, 1, channels, height * width);
  const dy = channelsFirstToLast(grad.values, 1, out, oh * ow);
  return {
    compute: () => {
      const x = tf.tensor4d(data, [1, height, width, channels]);
      const w = tf.tensor4d(filter, [spanHeight, spanWidth, channels, out]);
      const b = tf.zeros([out]);
      const pad: [[number, number], [number, number], [number, number], [number, number]] = [[0, 0], [padding[0], padding[0]], [padding[1], padding[1]], [0, 0]];
      const forward = (xs: tf.Tensor, ws: tf.Tensor, bs: tf.Tensor) => tf.add(tf.conv2d(xs as tf.Tensor4D, ws as tf.Tensor4D, stride, pad), bs);
      return tf.grads(forward)([x, w, b], tf.tensor4d(dy, [1, oh, ow, out]));
    },
    answer: ([gradX, gradW, gradB]) => {
      // tfjs's [sh][sw][C][O] gradient of the spread kernel → PyTorch's [O][C][kh][kw], taps only.
      const gradKernel = new Float32Array(out * channels * kh * kw);
      for (let o = 0; o < out; o++) {
        for (let c = 0; c < channels; c++) {
          for (let a = 0; a < kh; a++) {
            for (let b = 0; b < kw; b++) {
              gradKernel[((o * channels + c) * kh + a) * kw + b] = gradW![((a * dilation[0] * spanWidth + b * dilation[1]) * channels + c) * out + o]!;
            }
          }
        }
      }
      const answer: GradientAnswer = {
        grad_input: nest(op, channelsLastToFirst(gradX!, 1, channels, height * width), input.shape),
        grad_kernel: nest(op, gradKernel, kernel.shape),
        grad_bias: plainKernel ? nest(op, gradB!, []) : nest(op, gradB!, [out]),
      };
      if (learningRate !== undefined) {
        // float32, as the weights a framework updates in place.
        const stepped = kernel.values.map((w, at) => Math.fround(w - Math.fround(learningRate * gradKernel[at]!)));
        answer.kernel_after_step = nest(op, stepped, kernel.shape);
      }
      return answer;
    },
  };
}
