/**
 * The CNN engine: pure functions over architecture specs, TensorFlow.js (cpu backend in Node)
 * for shape inference. No IO.
 */
export { analyze, type Analysis, type LayerAnalysis } from "./analyze";
export { EngineError, type EngineErrorCode } from "./errors";
export { selectPath } from "./select";
export { convOutputSize, poolOutputSize, receptiveFieldAfter, transposedOutputSize } from "./shapes";
export type {
  ActivationSpec,
  ArchitectureSpec,
  AvgPool2dSpec,
  Conv2dSpec,
  DenseSpec,
  FlattenSpec,
  LayerSpec,
  LayerType,
  MaxPool2dSpec,
  Pair,
} from "./spec";
