import { COLORS, formatNumber, rect, svgDocument, text } from "./svg";

/**
 * Matrices side by side with the operation between them, as d2l draws a cross-correlation
 * (figure 6.2.1 zh / 7.2.1 en): the input with one window shaded, the kernel, the output with the
 * entry that window produces. Padding cells are grey and show the value the padding stands for.
 */

/** One matrix: `null` entries are padding. */
export interface GridPanel {
  caption: string;
  cells: readonly (readonly (number | null)[])[];
  /** The cells the step uses (indigo) or gives (amber). */
  highlight?: { row: number; col: number; rows: number; cols: number; tone: "window" | "result" };
  /** What a padding cell shows: `0`, or `−∞` for max pooling. */
  paddingText?: string;
}

/** A row of the figure: matrices and, between them, the operator as a short string (`⋆`, `=`, `max`). */
export type FigureRow = readonly (GridPanel | string)[];

const GAP = 10;
const CAPTION = 26;
const MAX_WIDTH = 640;

/** The input with `padding` rows and columns of `null` on every side. */
export function padCells(matrix: readonly (readonly number[])[], padding: number): (number | null)[][] {
  const cols = (matrix[0]?.length ?? 0) + 2 * padding;
  const blank = () => Array.from({ length: cols }, (): number | null => null);
  return [
    ...Array.from({ length: padding }, blank),
    ...matrix.map((row) => [...Array.from({ length: padding }, (): null => null), ...row, ...Array.from({ length: padding }, (): null => null)]),
    ...Array.from({ length: padding }, blank),
  ];
}

const operatorWidth = (op: string, cell: number) => Math.max(cell * 1.1, op.length * cell * 0.3 + 16);
/** Cells widen for entries like `−1.25`, so every number keeps its full size. */
function columnWidth(panel: GridPanel, cell: number): number {
  const longest = Math.max(1, ...panel.cells.flat().map((x) => (x === null ? (panel.paddingText ?? "0") : formatNumber(x)).length));
  return Math.max(cell, longest * cell * 0.26 + 12);
}
const panelWidth = (panel: GridPanel, cell: number) => Math.max((panel.cells[0]?.length ?? 0) * columnWidth(panel, cell), panel.caption.length * cell * 0.24);
const isPanel = (item: GridPanel | string): item is GridPanel => typeof item !== "string";

function rowWidth(row: FigureRow, cell: number): number {
  return row.reduce((sum, item) => sum + (isPanel(item) ? panelWidth(item, cell) : operatorWidth(item, cell)) + GAP, -GAP);
}

/** The largest cell size up to 38 px that fits every row in 640 px, but never under 22 px. */
function cellSizeFor(rows: readonly FigureRow[]): number {
  for (let cell = 38; cell > 22; cell -= 1) if (rows.every((row) => rowWidth(row, cell) + 2 * GAP <= MAX_WIDTH)) return cell;
  return 22;
}

function drawPanel(panel: GridPanel, x: number, y: number, cell: number): string[] {
  const cols = panel.cells[0]?.length ?? 0;
  const width = panelWidth(panel, cell);
  const column = columnWidth(panel, cell);
  const left = x + (width - cols * column) / 2;
  const font = Math.round(cell * 0.42);
  const parts = [text(x + width / 2, y + CAPTION / 2, panel.caption, { size: Math.max(13, Math.round(cell * 0.4)), fill: COLORS.muted })];
  const top = y + CAPTION;
  const h = panel.highlight;
  const inHighlight = (r: number, c: number) => h !== undefined && r >= h.row && r < h.row + h.rows && c >= h.col && c < h.col + h.cols;
  panel.cells.forEach((row, r) =>
    row.forEach((value, c) => {
      const fill = inHighlight(r, c) ? (h?.tone === "result" ? COLORS.result : COLORS.window) : value === null ? COLORS.padding : COLORS.cell;
      parts.push(rect(left + c * column, top + r * cell, column, cell, { fill, stroke: COLORS.line }));
      const shown = value === null ? (panel.paddingText ?? "0") : formatNumber(value);
      parts.push(text(left + (c + 0.5) * column, top + (r + 0.5) * cell, shown, { size: font, fill: value === null ? COLORS.muted : COLORS.text }));
    }),
  );
  if (h) {
    const stroke = h.tone === "result" ? COLORS.resultLine : COLORS.brand;
    parts.push(rect(left + h.col * column, top + h.row * cell, h.cols * column, h.rows * cell, { stroke, strokeWidth: 3 }));
  }
  return parts;
}

/** The figure: each row laid out left to right, operators centred on the matrices. */
export function matrixFigure(title: string, rows: readonly FigureRow[]): string {
  const cell = cellSizeFor(rows);
  const body: string[] = [];
  let y = GAP;
  let width = 0;
  for (const row of rows) {
    const height = Math.max(...row.filter(isPanel).map((panel) => panel.cells.length * cell)) + CAPTION;
    let x = GAP;
    for (const item of row) {
      if (isPanel(item)) {
        body.push(...drawPanel(item, x, y + (height - CAPTION - item.cells.length * cell) / 2, cell));
        x += panelWidth(item, cell) + GAP;
      } else {
        const w = operatorWidth(item, cell);
        body.push(text(x + w / 2, y + CAPTION + (height - CAPTION) / 2, item, { size: item.length > 2 ? Math.round(cell * 0.42) : Math.round(cell * (item === "\u22c6" ? 1.1 : 0.7)), weight: "bold", fill: COLORS.brand }));
        x += w + GAP;
      }
    }
    width = Math.max(width, x);
    y += height + GAP * 2;
  }
  return svgDocument(width + GAP, y, title, body);
}
