import { EngineError } from "../errors";
import type { ArchitectureSpec } from "../spec";
import { d2lAlexNet, torchvisionAlexNet } from "./alexnet";
import type { ZooModel } from "./build";
import { d2lDenseNet, torchvisionDenseNets } from "./densenet";
import { d2lGoogLeNet, torchvisionGoogLeNet } from "./googlenet";
import { d2lLeNet, nndlLeNet5 } from "./lenet";
import { torchvisionMobileNetV2 } from "./mobilenet";
import { d2lNiN } from "./nin";
import { d2lResNet18, torchvisionResNets } from "./resnet";
import { d2lVgg11, torchvisionVggs } from "./vgg";

/**
 * The zoo: the classic CNNs of the course as architecture specs, in the book's variants (d2l's
 * code, NNDL's LeNet-5) and torchvision's ImageNet ones. One file per family; this registry in
 * the order of the course (LeNet to MobileNet).
 */
const MODELS: readonly ZooModel[] = [
  d2lLeNet,
  nndlLeNet5,
  d2lAlexNet,
  torchvisionAlexNet,
  d2lVgg11,
  ...torchvisionVggs,
  d2lNiN,
  d2lGoogLeNet,
  torchvisionGoogLeNet,
  d2lResNet18,
  ...torchvisionResNets,
  d2lDenseNet,
  ...torchvisionDenseNets,
  torchvisionMobileNetV2,
];

const BY_NAME = new Map(MODELS.map((model) => [model.name, model]));

/** Every model's name, in the course's order. */
export function zooNames(): string[] {
  return MODELS.map((model) => model.name);
}

/** A model's description (name, origin, source), or undefined. */
export function zooModel(name: string): Omit<ZooModel, "build"> | undefined {
  const model = BY_NAME.get(name);
  return model && { name: model.name, origin: model.origin, source: model.source };
}

/** A fresh copy of a model's architecture spec; an `EngineError` ("unknown-model") for an unknown name. */
export function zooSpec(name: string): ArchitectureSpec {
  const model = BY_NAME.get(name);
  if (!model) {
    throw new EngineError("unknown-model", `unknown zoo model "${name}"; known models: ${zooNames().join(", ")}`);
  }
  return model.build();
}

export type { ZooModel } from "./build";
