import type { ProblemTemplate } from "../template";
import { channelsMultiInValuesTemplate } from "./channels-multi-in-values";
import { channelsOneByOneTemplate } from "./channels-one-by-one";
import { convOutputSizeStackTemplate } from "./conv-output-size-stack";
import { convSamePaddingTemplate } from "./conv-same-padding";
import { paramsConvLayerTemplate } from "./params-conv-layer";
import { paramsDenseVsConvTemplate } from "./params-dense-vs-conv";
import { poolingAvgValuesTemplate } from "./pooling-avg-values";
import { poolingMaxValuesTemplate } from "./pooling-max-values";
import { poolingOutputShapeTemplate } from "./pooling-output-shape";
import { xcorrEdgeDetectionTemplate } from "./xcorr-edge-detection";
import { xcorrTrueConvolutionTemplate } from "./xcorr-true-convolution";
import { xcorrValuesTemplate } from "./xcorr-values";

/**
 * Templates of group A (see registry.ts), in the order a new learner meets them. Each is one
 * file in this folder; add it here.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each template has its own params type
export const groupATemplates: ProblemTemplate<any>[] = [
  // d2l 6.1 and 6.2: why convolutions, cross-correlation
  paramsDenseVsConvTemplate,
  xcorrValuesTemplate,
  xcorrTrueConvolutionTemplate,
  xcorrEdgeDetectionTemplate,
  // 6.3: padding and stride
  convOutputSizeStackTemplate,
  convSamePaddingTemplate,
  // 6.4: channels
  channelsMultiInValuesTemplate,
  paramsConvLayerTemplate,
  channelsOneByOneTemplate,
  // 6.5: pooling
  poolingMaxValuesTemplate,
  poolingAvgValuesTemplate,
  poolingOutputShapeTemplate,
];
