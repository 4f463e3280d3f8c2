import type { ProblemTemplate } from "../template";
import { archMacsTemplate } from "./arch-macs";
import { archLayerShapeTemplate } from "./arch-layer-shape";
import { archZooParamsTemplate } from "./arch-zoo-params";
import { bnParamsVsBuffersTemplate } from "./bn-params-vs-buffers";
import { bnTrainValuesTemplate } from "./bn-train-values";
import { dilatedEffectiveKernelTemplate } from "./dilated-effective-kernel";
import { dilatedOutputSizeTemplate } from "./dilated-output-size";
import { receptiveFieldStackTemplate } from "./receptive-field-stack";
import { residualBlockShapeTemplate } from "./residual-block-shape";
import { residualShortcutParamsTemplate } from "./residual-shortcut-params";
import { stackedSmallKernelsTemplate } from "./stacked-small-kernels";
import { transposedConvOutputSizeTemplate } from "./transposed-conv-output-size";
import { transposedConvValuesTemplate } from "./transposed-conv-values";

/**
 * Templates of group B (see registry.ts), in the order a new learner meets them. Each is one
 * file in this folder; add it here.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each template has its own params type
export const groupBTemplates: ProblemTemplate<any>[] = [
  receptiveFieldStackTemplate,
  stackedSmallKernelsTemplate,
  transposedConvOutputSizeTemplate,
  transposedConvValuesTemplate,
  dilatedEffectiveKernelTemplate,
  dilatedOutputSizeTemplate,
  archLayerShapeTemplate,
  archZooParamsTemplate,
  archMacsTemplate,
  bnParamsVsBuffersTemplate,
  bnTrainValuesTemplate,
  residualBlockShapeTemplate,
  residualShortcutParamsTemplate,
];
