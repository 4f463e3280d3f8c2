import type { ProblemTemplate } from "../template";
import { costActivationMemoryTemplate } from "./cost-activation-memory";
import { costDepthwiseSeparableTemplate } from "./cost-depthwise-separable";
import { costFlopsVsParamsTemplate } from "./cost-flops-vs-params";
import { costGroupedConvTemplate } from "./cost-grouped-conv";
import { costInceptionReductionTemplate } from "./cost-inception-reduction";
import { costWhereParamsSitTemplate } from "./cost-where-params-sit";

/**
 * Templates of the cost group (see registry.ts): what a network costs in parameters, compute and
 * activation memory, and what 1×1 reductions, depthwise-separable and grouped convolutions save
 * (issue 13, "Cost"). Each is one file in this folder; add it here.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each template has its own params type
export const groupCostTemplates: ProblemTemplate<any>[] = [
  costFlopsVsParamsTemplate,
  costActivationMemoryTemplate,
  costWhereParamsSitTemplate,
  costInceptionReductionTemplate,
  costDepthwiseSeparableTemplate,
  costGroupedConvTemplate,
];
