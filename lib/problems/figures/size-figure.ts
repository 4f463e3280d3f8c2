import { term } from "../glossary";
import type { Lang, ProblemFigure } from "../types";
import { figureLabel } from "./figure-labels";
import { figureMessages } from "./figure.messages";
import { arrow, COLORS, rect, svgDocument, text } from "./svg";

/**
 * The arithmetic of one convolution or pooling layer drawn to scale (d2l 6.3 zh / 7.3 en, figures
 * 6.3.2 and 6.3.3): the input with its padding ring, the first window (its taps drawn when the
 * kernel is dilated, d2l 14.11 / NNDL 5.5.2), the next window one stride to the right, and the
 * output with its size. Small inputs show their pixel grid.
 */
export interface SizeFigureInput {
  /** `[height, width]` each. */
  input: readonly [number, number];
  kernel: readonly [number, number];
  padding: readonly [number, number];
  stride: readonly [number, number];
  dilation: readonly [number, number];
  output: readonly [number, number];
  /** A convolution slides a kernel, a pooling layer a pooling window. */
  layer: "conv" | "pool";
  /** Channels in and out, when the problem asks about them. */
  channels?: readonly [number, number];
}

const BOX = 250;
const LEFT = 24;
const TOP = 54;

/** Thin lines between the pixels of a `rows × cols` box, when a pixel is big enough to see. */
function pixelGrid(x: number, y: number, rows: number, cols: number, scale: number): string[] {
  if (scale < 9) return [];
  const lines: string[] = [];
  const thin = (x1: number, y1: number, x2: number, y2: number) =>
    `<line x1="${Math.round(x1 * 10) / 10}" y1="${Math.round(y1 * 10) / 10}" x2="${Math.round(x2 * 10) / 10}" y2="${Math.round(y2 * 10) / 10}" stroke="${COLORS.line}" stroke-width="0.6"/>`;
  for (let r = 1; r < rows; r += 1) lines.push(thin(x, y + r * scale, x + cols * scale, y + r * scale));
  for (let c = 1; c < cols; c += 1) lines.push(thin(x + c * scale, y, x + c * scale, y + rows * scale));
  return lines;
}

export function sizeFigure(figure: SizeFigureInput, lang: Lang): ProblemFigure {
  const t = figureMessages(lang);
  const [h, w] = figure.input;
  const [ph, pw] = figure.padding;
  const span = (axis: 0 | 1) => figure.dilation[axis] * (figure.kernel[axis] - 1) + 1;
  const [spanH, spanW] = [span(0), span(1)];
  // Scale so the padded input fits the box; the window at least 4 px so it stays visible.
  const scale = BOX / Math.max(h + 2 * ph, w + 2 * pw);
  const px = (pixels: number) => Math.max(pixels * scale, 4);
  const body: string[] = [];
  const outer = { x: LEFT, y: TOP, w: (w + 2 * pw) * scale, h: (h + 2 * ph) * scale };
  body.push(rect(outer.x, outer.y, outer.w, outer.h, { fill: COLORS.padding, stroke: COLORS.line, dashed: ph + pw > 0 }));
  body.push(rect(outer.x + pw * scale, outer.y + ph * scale, w * scale, h * scale, { fill: COLORS.cell, stroke: COLORS.muted }));
  body.push(...pixelGrid(outer.x, outer.y, h + 2 * ph, w + 2 * pw, scale));
  // The first window, and its taps when they are spread out.
  body.push(rect(outer.x, outer.y, px(spanW), px(spanH), { fill: COLORS.window, stroke: COLORS.brand, strokeWidth: 2.5 }));
  if ((figure.dilation[0] > 1 || figure.dilation[1] > 1) && scale >= 3) {
    for (let a = 0; a < figure.kernel[0]; a += 1)
      for (let b = 0; b < figure.kernel[1]; b += 1)
        body.push(rect(outer.x + b * figure.dilation[1] * scale, outer.y + a * figure.dilation[0] * scale, scale, scale, { fill: COLORS.brand }));
  }
  // The next window, one stride to the right, and the stride between them.
  const step = figure.stride[1] * scale;
  body.push(rect(outer.x + step, outer.y, px(spanW), px(spanH), { stroke: COLORS.brand, strokeWidth: 2, dashed: true }));
  if (step >= 16) body.push(arrow(outer.x + 2, outer.y - 12, outer.x + step, outer.y - 12, COLORS.brand));
  body.push(text(outer.x, outer.y - (step >= 16 ? 30 : 16), `${term("stride", lang)} ${figure.stride[0]}×${figure.stride[1]}`, { size: 14, anchor: "start", fill: COLORS.brand }));
  body.push(text(outer.x + outer.w / 2, outer.y + outer.h + 18, `${term("input", lang)} ${h}×${w}`, { size: 15, weight: "bold" }));
  body.push(text(outer.x + outer.w / 2, outer.y + outer.h + 38, `${term("padding", lang)} ${ph}×${pw}`, { size: 14, fill: COLORS.muted }));
  const kernelText =
    figure.dilation[0] > 1 || figure.dilation[1] > 1
      ? `${term("kernel", lang)} ${figure.kernel[0]}×${figure.kernel[1]}, ${figureLabel("dilation", lang)} ${figure.dilation[0]} → ${spanH}×${spanW}`
      : `${term(figure.layer === "conv" ? "kernel" : "poolingWindow", lang)} ${figure.kernel[0]}×${figure.kernel[1]}`;
  body.push(text(outer.x + outer.w / 2, outer.y + outer.h + 58, kernelText, { size: 14, fill: COLORS.brand }));
  // The output, drawn to the same scale when it fits, else to the box.
  const [oh, ow] = figure.output;
  const outScale = Math.min(scale, 150 / Math.max(oh, ow));
  const ox = outer.x + outer.w + 110;
  const oy = outer.y + (outer.h - oh * outScale) / 2;
  body.push(arrow(outer.x + outer.w + 16, outer.y + outer.h / 2, ox - 16, outer.y + outer.h / 2));
  body.push(rect(ox, oy, ow * outScale, oh * outScale, { fill: COLORS.result, stroke: COLORS.resultLine, strokeWidth: 2 }));
  body.push(...pixelGrid(ox, oy, oh, ow, outScale));
  body.push(rect(ox, oy, Math.max(outScale, 4), Math.max(outScale, 4), { fill: COLORS.window, stroke: COLORS.brand, strokeWidth: 1.5 }));
  const outCentre = ox + (ow * outScale) / 2;
  body.push(text(outCentre, oy + oh * outScale + 18, `${term("output", lang)} ${oh}×${ow}`, { size: 15, weight: "bold" }));
  if (figure.channels) {
    body.push(text(outer.x + outer.w / 2, outer.y + outer.h + 78, `${figureLabel("channels", lang)}: ${figure.channels[0]}`, { size: 14, fill: COLORS.muted }));
    body.push(text(outCentre, oy + oh * outScale + 38, `${figureLabel("channels", lang)}: ${figure.channels[1]}`, { size: 14, fill: COLORS.muted }));
  }
  const width = Math.max(ox + ow * outScale, outCentre + 80) + LEFT;
  const height = outer.y + outer.h + (figure.channels ? 96 : 76);
  const svg = svgDocument(width, height, t("size.title", { outH: String(oh), outW: String(ow) }), body);
  const alt = t("size.alt", {
    inH: String(h),
    inW: String(w),
    padH: String(ph),
    padW: String(pw),
    spanH: String(spanH),
    spanW: String(spanW),
    strideH: String(figure.stride[0]),
    strideW: String(figure.stride[1]),
    outH: String(oh),
    outW: String(ow),
  });
  return { svg, alt };
}
