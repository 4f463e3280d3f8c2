/**
 * The few SVG pieces every figure is built from: escaped text, boxes, arrows and the document
 * around them. Figures are strings, so the pure core can draw them without a DOM, and the
 * browser shows them as an image (`app/_components/problem-figure.tsx`).
 */

/** Colours that read on a white card: slate text, the brand indigo for what the step uses, amber for its result. */
export const COLORS = {
  text: "#0f172a",
  muted: "#475569",
  line: "#94a3b8",
  cell: "#ffffff",
  padding: "#e2e8f0",
  window: "#e0e7ff",
  brand: "#4338ca",
  result: "#fef3c7",
  resultLine: "#b45309",
} as const;

export const FONT = "system-ui, -apple-system, 'Segoe UI', 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif";

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text safe inside an element or an attribute. */
export const escapeXml = (text: string): string => text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);

/** A number as a figure prints it: a true minus sign, at most two decimals. */
export function formatNumber(x: number): string {
  const rounded = Number.isInteger(x) ? String(x) : String(Math.round(x * 100) / 100);
  return rounded.replace(/^-/, "\u2212");
}

/** Coordinates rounded to tenths keep the documents small. */
const n = (x: number) => String(Math.round(x * 10) / 10);

export interface TextOptions {
  size?: number;
  anchor?: "start" | "middle" | "end";
  weight?: "normal" | "bold";
  fill?: string;
}

export function text(x: number, y: number, content: string, options: TextOptions = {}): string {
  const { size = 15, anchor = "middle", weight = "normal", fill = COLORS.text } = options;
  const bold = weight === "bold" ? ' font-weight="700"' : "";
  return `<text x="${n(x)}" y="${n(y)}" font-size="${size}" text-anchor="${anchor}" dominant-baseline="central" fill="${fill}"${bold}>${escapeXml(content)}</text>`;
}

export interface RectOptions {
  fill?: string;
  stroke?: string;
  strokeWidth?: number;
  dashed?: boolean;
  radius?: number;
}

export function rect(x: number, y: number, width: number, height: number, options: RectOptions = {}): string {
  const { fill = "none", stroke = "none", strokeWidth = 1, dashed = false, radius = 0 } = options;
  const dash = dashed ? ' stroke-dasharray="5 3"' : "";
  const round = radius ? ` rx="${radius}"` : "";
  return `<rect x="${n(x)}" y="${n(y)}" width="${n(width)}" height="${n(height)}"${round} fill="${fill}" stroke="${stroke}" stroke-width="${strokeWidth}"${dash}/>`;
}

/** A line ending in the arrowhead that `svgDocument` defines. */
export function arrow(x1: number, y1: number, x2: number, y2: number, color: string = COLORS.muted): string {
  return `<line x1="${n(x1)}" y1="${n(y1)}" x2="${n(x2)}" y2="${n(y2)}" stroke="${color}" stroke-width="2" marker-end="url(#arrowhead)"/>`;
}

export function line(x1: number, y1: number, x2: number, y2: number, color: string = COLORS.muted): string {
  return `<line x1="${n(x1)}" y1="${n(y1)}" x2="${n(x2)}" y2="${n(y2)}" stroke="${color}" stroke-width="2"/>`;
}

/**
 * A self-contained SVG document: `viewBox` so it scales to its box, `role="img"` and a `<title>`
 * for assistive technology, a white background so it reads the same on any card.
 */
export function svgDocument(width: number, height: number, title: string, body: readonly string[]): string {
  const w = Math.ceil(width);
  const h = Math.ceil(height);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img" font-family="${escapeXml(FONT)}">`,
    `<title>${escapeXml(title)}</title>`,
    `<defs><marker id="arrowhead" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="${COLORS.muted}"/></marker></defs>`,
    rect(0, 0, w, h, { fill: "#ffffff" }),
    ...body,
    "</svg>",
  ].join("");
}

/** About how wide `content` sets at `size` px: CJK characters a full em, others a little over half. */
export function textWidth(content: string, size: number): number {
  let ems = 0;
  for (const c of content) ems += /[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]/.test(c) ? 1 : 0.58;
  return ems * size;
}

/** The font size, at most `size`, at which `content` fits in `width`. */
export const fitSize = (content: string, width: number, size: number): number => Math.max(10, Math.min(size, Math.floor((size * width) / Math.max(1, textWidth(content, size)))));
