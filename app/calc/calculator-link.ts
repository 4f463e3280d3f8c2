import type { SandboxSettings } from "./sandbox-examples";
import { SANDBOX_OPS } from "./sandbox-examples";

/** A problem's engine check as the graded answer carries it (DESIGN.md, "Problems"). */
export type EngineCheck =
  | { mode: "analyze"; spec: unknown; select: string }
  | { mode: "run"; op: Record<string, unknown>; select: string }
  | null;

/**
 * What a calculator link brings: the network calculator's spec as text, or the sandbox's op, or
 * why the link could not be read (a truncated or hand-edited address). The engine still checks
 * what arrives: a spec it refuses is shown in the editor with its error beside it.
 */
export type Arrival =
  | { kind: "spec"; text: string }
  | { kind: "op"; op: Record<string, unknown> }
  | { kind: "invalid"; reason: "json" | "notAnObject" | "tooLong" | "noOp" };

/**
 * Longer than the largest zoo spec written out (DenseNet-169, about 40,000 characters encoded),
 * short enough that a pasted address cannot make the page parse megabytes.
 */
export const MAX_LINK_LENGTH = 200_000;

/**
 * The calculator's address with a check's spec or op in the fragment: the fragment never reaches
 * the server, so a long spec meets no header limit, and the calculator reads it in the browser.
 */
export function calculatorHref(check: EngineCheck): string | null {
  if (!check) return null;
  if (check.mode === "analyze") return `/calc#spec=${encodeURIComponent(JSON.stringify(check.spec))}`;
  return `/calc?tab=sandbox#op=${encodeURIComponent(JSON.stringify(check.op))}`;
}

/** The fragment of a calculator address (`#spec=…` or `#op=…`), read; null when it holds neither. */
export function readCalculatorHash(hash: string): Arrival | null {
  const match = /^#?(spec|op)=(.*)$/s.exec(hash);
  if (!match) return null;
  const [, kind, encoded = ""] = match;
  if (encoded.length > MAX_LINK_LENGTH) return { kind: "invalid", reason: "tooLong" };
  let value: unknown;
  try {
    value = JSON.parse(decodeURIComponent(encoded));
  } catch {
    return { kind: "invalid", reason: "json" };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return { kind: "invalid", reason: "notAnObject" };
  if (kind === "spec") return { kind: "spec", text: JSON.stringify(value) };
  const op = value as Record<string, unknown>;
  if (typeof op.op !== "string") return { kind: "invalid", reason: "noOp" };
  return { kind: "op", op };
}

// The sandbox's number fields go from these up to 16 (matrix-sandbox.tsx).
const FIELD_MAX = 16;

function matrix(value: unknown): number[][] | null {
  if (!Array.isArray(value) || value.length === 0) return null;
  const rows = value as unknown[];
  if (!rows.every((row) => Array.isArray(row) && row.length > 0 && row.every((entry) => typeof entry === "number" && Number.isFinite(entry)))) return null;
  const width = (rows[0] as number[]).length;
  return rows.every((row) => (row as number[]).length === width) ? (rows as number[][]) : null;
}

/** One integer for both axes (`2` or `[2, 2]`) within the sandbox's range, else null. */
function both(value: unknown, fallback: number, min: number): number | null {
  if (value === undefined) return fallback;
  const pair = Array.isArray(value) ? value : [value, value];
  const [h, w] = pair as unknown[];
  if (pair.length !== 2 || h !== w || typeof h !== "number" || !Number.isInteger(h) || h < min || h > FIELD_MAX) return null;
  return h;
}

function rowsText(rows: number[][]): string {
  return rows.map((row) => row.join(" ")).join("\n");
}

const FORM_FIELDS: Record<string, readonly string[]> = {
  corr2d: ["op", "input", "kernel", "stride", "padding", "dilation"],
  conv2d: ["op", "input", "kernel", "stride", "padding", "dilation"],
  conv2d_transpose: ["op", "input", "kernel", "stride", "padding"],
  // The sandbox's average pooling counts padded zeros, PyTorch's default.
  maxpool2d: ["op", "input", "kernel", "stride", "padding"],
  avgpool2d: ["op", "input", "kernel", "stride", "padding", "count_include_pad"],
};

/**
 * The sandbox form's settings for an op it can show (one 2-D matrix and kernel, the same stride,
 * padding and dilation on both axes, nothing else set), or null for one it cannot (channels, a
 * bias, batch normalisation, average pooling without the padded zeros): that op is opened as JSON.
 */
export function sandboxSettingsOf(op: Record<string, unknown>): SandboxSettings | null {
  const name = op.op;
  if (typeof name !== "string" || !(SANDBOX_OPS as readonly string[]).includes(name)) return null;
  const allowed = FORM_FIELDS[name]!;
  if (Object.keys(op).some((key) => !allowed.includes(key))) return null;
  if (name === "avgpool2d" && op.count_include_pad !== undefined && op.count_include_pad !== true) return null;
  const input = matrix(op.input);
  if (!input) return null;
  const pooling = name === "maxpool2d" || name === "avgpool2d";
  let poolHeight = 2;
  let poolWidth = 2;
  // The form keeps a kernel for when the operation is switched to a convolution.
  let kernelText = "1 0\n0 1";
  if (pooling) {
    const size = Array.isArray(op.kernel) ? op.kernel : [op.kernel, op.kernel];
    const [h, w] = size as unknown[];
    if (size.length !== 2 || !Number.isInteger(h) || !Number.isInteger(w) || (h as number) < 1 || (w as number) < 1 || (h as number) > FIELD_MAX || (w as number) > FIELD_MAX) return null;
    [poolHeight, poolWidth] = [h as number, w as number];
  } else {
    const kernel = matrix(op.kernel);
    if (!kernel) return null;
    kernelText = rowsText(kernel);
  }
  // A pooling layer's stride defaults to its window (DESIGN.md); the form has one stride for both axes.
  const defaultStride = pooling ? poolHeight : 1;
  if (pooling && op.stride === undefined && poolHeight !== poolWidth) return null;
  const stride = both(op.stride, defaultStride, 1);
  const padding = both(op.padding, 0, 0);
  const dilation = both(op.dilation, 1, 1);
  if (stride === null || padding === null || dilation === null) return null;
  return { op: name as SandboxSettings["op"], input: rowsText(input), kernel: kernelText, poolHeight, poolWidth, stride, padding, dilation };
}
