import type { ProblemTemplate } from "../template";
import { lenetC3ConnectionsTemplate } from "./lenet-c3-connections";
import { poolingAvgAsConvTemplate } from "./pooling-avg-as-conv";
import { tconvAsMatrixTemplate } from "./tconv-as-matrix";
import { xcorrConv1dFlippedTemplate } from "./xcorr-conv1d-flipped";

/**
 * Templates of the classics group (see registry.ts): the textbook constructions behind the layers,
 * each keyed by the engine. Each is one file in this folder; add it here.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each template has its own params type
export const groupClassicsTemplates: ProblemTemplate<any>[] = [lenetC3ConnectionsTemplate, xcorrConv1dFlippedTemplate, poolingAvgAsConvTemplate, tconvAsMatrixTemplate];
