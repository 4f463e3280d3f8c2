import type { Lang, ProblemFigure } from "../types";
import { figureMessages } from "./figure.messages";
import { COLORS, fitSize, rect, svgDocument, text } from "./svg";

/**
 * The receptive field of one output unit along one axis (d2l 6.2.6 zh / 7.2.6 en, "Feature Map
 * and Receptive Field"; NNDL 5.3.1): from the top unit down through each layer, the units it
 * reads, until the input. Exact sets, so a dilated kernel's gaps (d2l 14.11) show as empty cells.
 */
export interface FieldLayer {
  kind: "conv" | "maxpool";
  kernel: number;
  stride: number;
  dilation: number;
}

const WIDTH = 640;
const LABELS = 210;
const ROW = 58;
const MARGIN = 14;
const MAX_CELLS = 48;

/** The units each layer's input must supply, from the top unit down: `u·s + a·d` for every used `u`. */
export function fieldRows(layers: readonly FieldLayer[]): number[][] {
  const rows: number[][] = [[0]];
  for (const layer of [...layers].reverse()) {
    const above = rows[rows.length - 1] ?? [0];
    const below = new Set<number>();
    for (const u of above) for (let a = 0; a < layer.kernel; a += 1) below.add(u * layer.stride + a * layer.dilation);
    rows.push([...below].sort((x, y) => x - y));
  }
  return rows;
}

const spanOf = (units: readonly number[]) => (units[units.length - 1] ?? 0) + 1;

export function receptiveFieldFigure(layers: readonly FieldLayer[], lang: Lang): ProblemFigure {
  const t = figureMessages(lang);
  const rows = fieldRows(layers);
  const field = spanOf(rows[rows.length - 1] ?? [0]);
  const widest = Math.max(...rows.map(spanOf));
  const area = WIDTH - LABELS - MARGIN;
  const cell = Math.min(26, area / Math.min(widest, MAX_CELLS));
  const body: string[] = [];
  rows.forEach((units, r) => {
    const y = MARGIN + r * ROW + 16;
    const level = layers.length - r;
    const span = spanOf(units);
    const isInput = r === rows.length - 1;
    const fill = r === 0 ? COLORS.result : isInput ? COLORS.window : "#eef2ff";
    const stroke = r === 0 ? COLORS.resultLine : COLORS.brand;
    const label = isInput ? t("receptiveField.input", { count: span }) : t("receptiveField.map", { n: String(level), count: String(span) });
    body.push(text(MARGIN, y + cell / 2, label, { size: fitSize(label, LABELS - MARGIN - 8, 14), anchor: "start", weight: r === 0 || isInput ? "bold" : "normal" }));
    if (span > MAX_CELLS) {
      body.push(rect(LABELS, y, area, cell, { fill, stroke, strokeWidth: 1.5, radius: 3 }));
      body.push(text(LABELS + area / 2, y + cell / 2, String(span), { size: 14, weight: "bold" }));
    } else {
      const left = LABELS + (area - span * cell) / 2;
      const used = new Set(units);
      for (let i = 0; i < span; i += 1) {
        body.push(rect(left + i * cell, y, cell, cell, { fill: used.has(i) ? fill : COLORS.cell, stroke: used.has(i) ? stroke : COLORS.line }));
      }
    }
    const layer = layers[level - 1];
    if (!isInput && layer) {
      const dilation = String(layer.dilation);
      const args = { n: String(level), kernel: `${layer.kernel}×${layer.kernel}`, stride: String(layer.stride), dilation };
      const op = layer.kind === "conv" ? t("receptiveField.conv", args) : t("receptiveField.pool", args);
      body.push(text(MARGIN + 10, y + cell + (ROW - cell) / 2, `\u2193 ${op}`, { size: fitSize(op, LABELS + 120, 13), anchor: "start", fill: COLORS.brand }));
    }
  });
  const height = MARGIN * 2 + (rows.length - 1) * ROW + 16 + cell;
  const svg = svgDocument(WIDTH, height, t("receptiveField.title", { field: String(field) }), body);
  return { svg, alt: t("receptiveField.alt", { layers: layers.length, field: String(field) }) };
}
