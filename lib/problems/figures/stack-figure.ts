import type { Lang, ProblemFigure } from "../types";
import { figureMessages } from "./figure.messages";
import { arrow, COLORS, fitSize, rect, svgDocument, text, textWidth } from "./svg";

/**
 * A network as a column of layers, input at the top, each box with the layer on the left and the
 * shape it gives on the right (d2l's LeNet, AlexNet and VGG figures 6.6.2, 7.1.2, 7.2.1 zh, as
 * text). The row the question is about is amber.
 */
export interface StackRow {
  label: string;
  /** `[C, H, W]`, `[C, L]` or `[F]`, channels first (DESIGN.md). */
  shape: readonly number[];
  highlight?: boolean;
}

const WIDTH = 600;
const ROW = 36;
const GAP = 14;
const MARGIN = 16;

/** `6 × 28 × 28`, the way the solutions write a shape. */
export const shapeText = (shape: readonly number[]): string => shape.join(" \u00d7 ");

export function stackFigure(rows: readonly StackRow[], lang: Lang, title?: string): ProblemFigure {
  const t = figureMessages(lang);
  const body: string[] = [];
  rows.forEach((row, i) => {
    const y = MARGIN + i * (ROW + GAP);
    body.push(
      rect(MARGIN, y, WIDTH - 2 * MARGIN, ROW, {
        fill: row.highlight ? COLORS.result : i === 0 ? COLORS.padding : COLORS.window,
        stroke: row.highlight ? COLORS.resultLine : COLORS.brand,
        strokeWidth: row.highlight ? 2.5 : 1,
        radius: 6,
      }),
    );
    const shape = shapeText(row.shape);
    const room = WIDTH - 2 * MARGIN - 36 - textWidth(shape, 16) * 1.1;
    body.push(text(MARGIN + 12, y + ROW / 2, row.label, { size: fitSize(row.label, room, 16), anchor: "start" }));
    body.push(text(WIDTH - MARGIN - 12, y + ROW / 2, shape, { size: 16, anchor: "end", weight: "bold" }));
    if (i > 0) body.push(arrow(WIDTH / 2, y - GAP + 1, WIDTH / 2, y - 1));
  });
  const height = 2 * MARGIN + rows.length * (ROW + GAP) - GAP;
  const svg = svgDocument(WIDTH, height, title ?? t("stack.title"), body);
  const last = rows.find((row) => row.highlight) ?? rows[rows.length - 1];
  const alt = t("stack.alt", {
    count: rows.length - 1,
    input: shapeText(rows[0]?.shape ?? []),
    last: last?.label ?? "",
    shape: shapeText(last?.shape ?? []),
  });
  return { svg, alt };
}
