import type { ProblemTemplate } from "../template";
import { designDilatedPaddingTemplate } from "./design-dilated-padding";
import { designDownsampleTemplate } from "./design-downsample";
import { designReceptiveFieldTemplate } from "./design-receptive-field";

/**
 * Design problems (see registry.ts): the learner writes a layer stack that meets constraints and
 * the engine checks it (answer kind `spec`). Each is one file in this folder; add it here.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each template has its own params type
export const groupDesignTemplates: ProblemTemplate<any>[] = [designDilatedPaddingTemplate, designDownsampleTemplate, designReceptiveFieldTemplate];
