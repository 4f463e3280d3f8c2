import type { LayerSpec } from "../spec";
import { adaptiveAvgPool, batchNorm, conv, dense, dropout, flatten, relu, residual, sequential, type ZooModel } from "./build";

/**
 * torchvision's `Conv2dNormActivation` as MobileNetV2 uses it: convolution without bias, batch
 * norm, ReLU6. ReLU6 is written `relu` (named "ReLU6"): the engine has no ReLU6, and an activation
 * changes no count.
 */
function convBnReLU6(filters: number, kernel: number, stride = 1, groups = 1): LayerSpec[] {
  return [
    conv(filters, kernel, { stride, padding: (kernel - 1) / 2, bias: false, ...(groups > 1 ? { groups } : {}) }),
    batchNorm(),
    relu("ReLU6"),
  ];
}

/**
 * torchvision's `InvertedResidual`: 1×1 expansion by `t` (skipped when `t = 1`), 3×3 depthwise
 * convolution (groups = channels) with the block's stride, linear 1×1 projection; a residual with
 * an identity shortcut and no activation when the stride is 1 and the channels are kept.
 */
function invertedResidual(channelsIn: number, channelsOut: number, stride: number, expansion: number): LayerSpec {
  const hidden = channelsIn * expansion;
  const body = [
    ...(expansion === 1 ? [] : convBnReLU6(hidden, 1)),
    ...convBnReLU6(hidden, 3, stride, hidden),
    conv(channelsOut, 1, { bias: false }),
    batchNorm(),
  ];
  return stride === 1 && channelsIn === channelsOut ? residual(body, []) : sequential(body);
}

/** `inverted_residual_setting` of torchvision/models/mobilenetv2.py: t, c, n, s. */
const SETTING = [
  [1, 16, 1, 1],
  [6, 24, 2, 2],
  [6, 32, 3, 2],
  [6, 64, 4, 2],
  [6, 96, 3, 1],
  [6, 160, 3, 2],
  [6, 320, 1, 1],
] as const;

/** torchvision's `mobilenet_v2()` (width 1.0): 3×224×224, 1000 classes. */
export const torchvisionMobileNetV2: ZooModel = {
  name: "mobilenet_v2",
  origin: "torchvision",
  source: "torchvision.models.mobilenet_v2 (torchvision/models/mobilenetv2.py, width multiplier 1.0)",
  build: () => {
    let channels = 32;
    const features: LayerSpec[] = [...convBnReLU6(32, 3, 2)];
    for (const [expansion, channelsOut, count, stride] of SETTING) {
      for (let index = 0; index < count; index += 1) {
        features.push(invertedResidual(channels, channelsOut, index === 0 ? stride : 1, expansion));
        channels = channelsOut;
      }
    }
    features.push(...convBnReLU6(1280, 1));
    return {
      name: "MobileNetV2 (torchvision)",
      input: [3, 224, 224],
      layers: [sequential(features, "features"), adaptiveAvgPool(1), flatten(), dropout(0.2), dense(1000)],
    };
  },
};
