import { arrow, COLORS, fitSize, line, rect, svgDocument, text } from "./svg";

/**
 * A block whose input takes several paths that meet again: the Inception block (d2l 7.4 zh /
 * 8.4 en, figure 7.4.1: four paths concatenated on channels) and the residual block (d2l 7.6 /
 * 8.6, figure 7.6.3: the main path and the shortcut, added). Each box has a label and, in bold,
 * what it gives (channels or a shape).
 */
export interface BranchBox {
  label: string;
  detail?: string;
}

export interface BranchFigureInput {
  title: string;
  input: BranchBox;
  /** Paths left to right; an empty path is drawn as a line with `emptyLabel`. */
  branches: readonly (readonly BranchBox[])[];
  emptyLabel?: string;
  merge: BranchBox & { symbol?: string };
  /** Boxes after the merge (the ReLU after a residual sum), then the output. */
  after: readonly BranchBox[];
  output: BranchBox;
}

const WIDTH = 640;
const MARGIN = 12;
const BOX = 48;
const STEP = 26;

function drawBox(box: BranchBox, x: number, y: number, width: number, tone: "plain" | "io" | "merge" | "result"): string[] {
  const fill = { plain: COLORS.window, io: COLORS.padding, merge: COLORS.cell, result: COLORS.result }[tone];
  const stroke = tone === "result" ? COLORS.resultLine : COLORS.brand;
  const parts = [rect(x, y, width, BOX, { fill, stroke, strokeWidth: tone === "result" ? 2.5 : 1.2, radius: 6 })];
  const inner = width - 12;
  if (box.detail) {
    parts.push(text(x + width / 2, y + 15, box.label, { size: fitSize(box.label, inner, 14) }));
    parts.push(text(x + width / 2, y + 34, box.detail, { size: fitSize(box.detail, inner, 15), weight: "bold" }));
  } else {
    parts.push(text(x + width / 2, y + BOX / 2, box.label, { size: fitSize(box.label, inner, 15) }));
  }
  return parts;
}

/** The SVG document of the block. */
export function branchFigure(figure: BranchFigureInput): string {
  const body: string[] = [];
  const centre = WIDTH / 2;
  const ioWidth = 300;
  body.push(...drawBox(figure.input, centre - ioWidth / 2, MARGIN, ioWidth, "io"));
  const columns = figure.branches.length;
  const gap = 10;
  const colWidth = (WIDTH - 2 * MARGIN - (columns - 1) * gap) / columns;
  const deepest = Math.max(1, ...figure.branches.map((b) => b.length));
  const top = MARGIN + BOX + STEP + 10;
  const bottom = top + deepest * (BOX + STEP) - STEP;
  const mergeY = bottom + STEP + 10;
  const fork = MARGIN + BOX + 12;
  body.push(line(centre, MARGIN + BOX, centre, fork));
  figure.branches.forEach((branch, c) => {
    const x = MARGIN + c * (colWidth + gap);
    const mid = x + colWidth / 2;
    body.push(line(centre, fork, mid, fork));
    if (branch.length === 0) {
      body.push(line(mid, fork, mid, mergeY - 14));
      if (figure.emptyLabel) body.push(rect(mid - 58, (fork + mergeY) / 2 - 13, 116, 26, { fill: "#ffffff" }), text(mid, (fork + mergeY) / 2, figure.emptyLabel, { size: 14, fill: COLORS.muted }));
      body.push(arrow(mid, mergeY - 14, centre + (mid < centre ? -18 : 18), mergeY + 4));
      return;
    }
    // Boxes sit at the bottom of the column, so every path reaches the merge at the same height.
    const first = bottom - branch.length * (BOX + STEP) + STEP;
    body.push(arrow(mid, fork, mid, first - 2));
    branch.forEach((box, b) => {
      const y = first + b * (BOX + STEP);
      body.push(...drawBox(box, x, y, colWidth, "plain"));
      if (b > 0) body.push(arrow(mid, y - STEP + 2, mid, y - 2));
    });
    body.push(arrow(mid, bottom, centre + (mid - centre) * 0.15, mergeY - 2));
  });
  const mergeWidth = 420;
  body.push(...drawBox(figure.merge, centre - mergeWidth / 2, mergeY, mergeWidth, "merge"));
  if (figure.merge.symbol) body.push(text(centre - mergeWidth / 2 + 22, mergeY + BOX / 2, figure.merge.symbol, { size: 26, weight: "bold", fill: COLORS.brand }));
  let y = mergeY + BOX;
  for (const box of [...figure.after, figure.output]) {
    body.push(arrow(centre, y + 2, centre, y + STEP - 2));
    y += STEP;
    body.push(...drawBox(box, centre - ioWidth / 2, y, ioWidth, box === figure.output ? "result" : "plain"));
    y += BOX;
  }
  const height = y + MARGIN;
  return svgDocument(WIDTH, height, figure.title, body);
}
