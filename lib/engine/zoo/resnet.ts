import type { LayerSpec } from "../spec";
import {
  adaptiveAvgPool,
  batchNorm,
  conv,
  dense,
  flatten,
  maxPool,
  relu,
  repeat,
  residual,
  sequential,
  type ZooModel,
} from "./build";

/** torchvision's stem: 7×7/2 convolution without bias, batch norm, ReLU, 3×3/2 max pool. */
function stem(): LayerSpec[] {
  return [conv(64, 7, { stride: 2, padding: 3, bias: false }), batchNorm(), relu(), maxPool(3, 2, 1)];
}

/** torchvision's `downsample`: a strided 1×1 convolution and batch norm, when the shape changes. */
function downsample(channelsIn: number, channelsOut: number, stride: number): LayerSpec[] {
  return stride === 1 && channelsIn === channelsOut ? [] : [conv(channelsOut, 1, { stride, bias: false }), batchNorm()];
}

/** torchvision's `BasicBlock` (ResNet-18/34): two 3×3 convolutions, `relu(body + shortcut)`. */
function basicBlock(channelsIn: number, planes: number, stride: number, name: string): LayerSpec {
  return residual(
    [
      conv(planes, 3, { stride, padding: 1, bias: false }), batchNorm(), relu(),
      conv(planes, 3, { padding: 1, bias: false }), batchNorm(),
    ],
    downsample(channelsIn, planes, stride),
    "relu",
    name,
  );
}

/** torchvision's `Bottleneck` (ResNet-50/101, "v1.5": the stride on the 3×3): 1×1, 3×3, 1×1 ×4. */
function bottleneck(channelsIn: number, planes: number, stride: number, name: string): LayerSpec {
  return residual(
    [
      conv(planes, 1, { bias: false }), batchNorm(), relu(),
      conv(planes, 3, { stride, padding: 1, bias: false }), batchNorm(), relu(),
      conv(planes * 4, 1, { bias: false }), batchNorm(),
    ],
    downsample(channelsIn, planes * 4, stride),
    "relu",
    name,
  );
}

function torchvisionResNet(depth: 18 | 34 | 50 | 101, blocks: readonly [number, number, number, number]): ZooModel {
  const bottlenecks = depth >= 50;
  const expansion = bottlenecks ? 4 : 1;
  return {
    name: `resnet${depth}`,
    origin: "torchvision",
    source: `torchvision.models.resnet${depth} (torchvision/models/resnet.py, ${bottlenecks ? "Bottleneck" : "BasicBlock"} ${blocks.join("-")})`,
    build: () => {
      let channels = 64;
      const stages = blocks.map((count, stage) => {
        const planes = 64 * 2 ** stage;
        return sequential(
          repeat(count, (index) => {
            const stride = index === 0 && stage > 0 ? 2 : 1;
            const block = (bottlenecks ? bottleneck : basicBlock)(channels, planes, stride, `layer${stage + 1}.${index}`);
            channels = planes * expansion;
            return block;
          }),
          `layer${stage + 1}`,
        );
      });
      return {
        name: `ResNet-${depth} (torchvision)`,
        input: [3, 224, 224],
        layers: [...stem(), ...stages, adaptiveAvgPool(1), flatten(), dense(1000)],
      };
    },
  };
}

export const torchvisionResNets: ZooModel[] = [
  torchvisionResNet(18, [2, 2, 2, 2]),
  torchvisionResNet(34, [3, 4, 6, 3]),
  torchvisionResNet(50, [3, 4, 6, 3]),
  torchvisionResNet(101, [3, 4, 23, 3]),
];

/**
 * d2l's `Residual` (7.6 zh / 8.6 en): two 3×3 convolutions *with* bias, each followed by batch
 * norm; the shortcut, when the shape changes, is a strided 1×1 convolution with bias and no batch norm.
 */
function d2lResidual(channels: number, project: boolean, stride: number): LayerSpec {
  return residual(
    [conv(channels, 3, { stride, padding: 1 }), batchNorm(), relu(), conv(channels, 3, { padding: 1 }), batchNorm()],
    project ? [conv(channels, 1, { stride })] : [],
    "relu",
  );
}

/** ResNet-18 as d2l builds it (7.6 zh / 8.6 en): one input channel at 224×224, 10 classes. */
export const d2lResNet18: ZooModel = {
  name: "d2l-resnet18",
  origin: "d2l",
  source: "d2l 7.6 (zh) / 8.6 (en), ResNet-18",
  build: () => ({
    name: "ResNet-18 (d2l)",
    input: [1, 224, 224],
    layers: [
      sequential([conv(64, 7, { stride: 2, padding: 3 }), batchNorm(), relu(), maxPool(3, 2, 1)], "b1"),
      sequential([d2lResidual(64, false, 1), d2lResidual(64, false, 1)], "b2"),
      ...[128, 256, 512].map((channels, index) =>
        sequential([d2lResidual(channels, true, 2), d2lResidual(channels, false, 1)], `b${index + 3}`),
      ),
      adaptiveAvgPool(1),
      flatten(),
      dense(10),
    ],
  }),
};
