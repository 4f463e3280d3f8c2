/**
 * The CNN engine: pure functions over architecture specs, TensorFlow.js (cpu backend in Node)
 * for shape inference. No IO.
 */
export { analyze, type Analysis, type LayerAnalysis } from "./analyze";
export { EngineError, type EngineErrorCode } from "./errors";
export { selectPath } from "./select";
export { run, runAsync, OP_NAMES, type GradientAnswer, type GradientOpSpec, type NestedArray, type OpAnswer, type OpName, type OpSpec } from "./run";
export { engineInfo, type EngineInfo } from "./backend";
export { randomOps } from "./ops/random-ops";
export { answerDistance } from "./ops/compare-answers";
export { convOutputSize, poolOutputSize, receptiveFieldAfter, transposedOutputSize } from "./shapes";
export { adaptivePoolWidestBin, receptiveFieldAfterTransposed } from "./shapes";
export { zooModel, zooNames, zooSpec, type ZooModel } from "./zoo";
export { checkSpecDepth, MAX_COMPOSITE_DEPTH, MAX_VALUE_DEPTH } from "./spec";
export type {
  ActivationSpec,
  ActivationType,
  AdaptiveAvgPool2dSpec,
  ArchitectureSpec,
  AvgPool1dSpec,
  AvgPool2dSpec,
  BatchNormSpec,
  ConcatSpec,
  Conv1dSpec,
  Conv2dSpec,
  Conv2dTransposeSpec,
  DropoutSpec,
  GlobalPoolSpec,
  MaxPool1dSpec,
  ResidualSpec,
  SequentialSpec,
  DenseSpec,
  FlattenSpec,
  LayerSpec,
  LayerType,
  MaxPool2dSpec,
  Pair,
} from "./spec";
