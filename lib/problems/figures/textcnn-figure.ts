import type { Lang, ProblemFigure } from "../types";
import { branchFigure } from "./branch-figure";
import { figureLabel } from "./figure-labels";
import { figureMessages } from "./figure.messages";
import { shapeText } from "./stack-figure";

/**
 * textCNN (d2l 15.3 zh / 16.3 en, figure 15.3.5): 1-D convolutions of several widths over the
 * `d × L` embedding, each reduced by max-over-time pooling to one value per channel, the results
 * concatenated into the feature vector.
 */
export interface TextCnnFigureInput {
  dims: number;
  tokens: number;
  convolutions: readonly { kernel: number; filters: number }[];
}

export function textCnnFigure(figure: TextCnnFigureInput, lang: Lang): ProblemFigure {
  const t = figureMessages(lang);
  const total = figure.convolutions.reduce((sum, c) => sum + c.filters, 0);
  const svg = branchFigure({
    title: t("textcnn.title"),
    input: { label: figureLabel("embedding", lang), detail: shapeText([figure.dims, figure.tokens]) },
    branches: figure.convolutions.map(({ kernel, filters }) => [
      { label: t("textcnn.conv", { kernel: String(kernel) }), detail: shapeText([filters, figure.tokens - kernel + 1]) },
      { label: figureLabel("maxOverTime", lang), detail: shapeText([filters, 1]) },
    ]),
    merge: { label: figureLabel("concat", lang), detail: `${figure.convolutions.map((c) => c.filters).join(" + ")} = ${total}` },
    after: [],
    output: { label: t("textcnn.features"), detail: shapeText([total]) },
  });
  const alt = t("textcnn.alt", { count: String(figure.convolutions.length), dims: String(figure.dims), tokens: String(figure.tokens), total: String(total) });
  return { svg, alt };
}
