import type { ProblemTemplate } from "../template";
import { archStageTraceTemplate } from "./arch-stage-trace";
import { bnPerChannelTemplate } from "./bn-per-channel";
import { bnPredictValuesTemplate } from "./bn-predict-values";
import { denseNetGrowthTemplate } from "./densenet-growth";
import { normLayerVsBatchTemplate } from "./norm-layer-vs-batch";
import { residualBottleneckParamsTemplate } from "./residual-bottleneck-params";
import { residualResnextParamsTemplate } from "./residual-resnext-params";

/**
 * Templates of the blocks group (see registry.ts): ResNet bottleneck and ResNeXt blocks, DenseNet
 * growth, stage traces through d2l's networks, batch normalization at prediction time and per
 * channel, layer norm against batch norm (issue 13, "Blocks"). Each is one file in this folder; add it here.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each template has its own params type
export const groupBlocksTemplates: ProblemTemplate<any>[] = [residualBottleneckParamsTemplate, residualResnextParamsTemplate, bnPredictValuesTemplate, bnPerChannelTemplate, denseNetGrowthTemplate, archStageTraceTemplate, normLayerVsBatchTemplate];
