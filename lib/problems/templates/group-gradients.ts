import type { ProblemTemplate } from "../template";
import { gradConvInputTemplate } from "./grad-conv-input";
import { gradDescentStepTemplate } from "./grad-descent-step";
import { gradConvKernelTemplate } from "./grad-conv-kernel";
import { gradPoolRoutingTemplate } from "./grad-pool-routing";

/**
 * Templates of the gradients group (see registry.ts): backpropagation through a convolution and
 * pooling layer and one gradient-descent step (NNDL 5.3; d2l 6.2.4 zh / 7.2.4 en), in the order a
 * new learner meets them. Each is one file in this folder; add it here.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each template has its own params type
export const groupGradientsTemplates: ProblemTemplate<any>[] = [gradConvKernelTemplate, gradConvInputTemplate, gradPoolRoutingTemplate, gradDescentStepTemplate];
