import type { ProblemTemplate } from "../template";
import { conceptTemplates } from "./concepts";
import { denseNetBlockChannelsTemplate } from "./densenet-block-channels";
import { denseNetTransitionTemplate } from "./densenet-transition";
import { inceptionOutputChannelsTemplate } from "./inception-output-channels";
import { inceptionParamsTemplate } from "./inception-params";
import { ninBlockShapeTemplate } from "./nin-block-shape";
import { ninGapVsDenseTemplate } from "./nin-gap-vs-dense";
import { textCnnConv1dLengthTemplate } from "./textcnn-conv1d-length";
import { textCnnFeaturesTemplate } from "./textcnn-features";

/**
 * Templates of group C (see registry.ts), in the order a new learner meets them. Each is one
 * file in this folder; add it here.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each template has its own params type
export const groupCTemplates: ProblemTemplate<any>[] = [
  ninBlockShapeTemplate,
  ninGapVsDenseTemplate,
  inceptionOutputChannelsTemplate,
  inceptionParamsTemplate,
  denseNetBlockChannelsTemplate,
  denseNetTransitionTemplate,
  textCnnConv1dLengthTemplate,
  textCnnFeaturesTemplate,
  ...conceptTemplates,
];
