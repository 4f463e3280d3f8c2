import type { WindowOp } from "@/lib/engine/windows";

/** What the sandbox's controls hold: matrices as typed, single integers for both axes. */
export interface SandboxSettings {
  op: WindowOp;
  input: string;
  kernel: string;
  poolHeight: number;
  poolWidth: number;
  stride: number;
  padding: number;
  dilation: number;
}

const BASE = { poolHeight: 2, poolWidth: 2, stride: 1, padding: 0, dilation: 1 } as const;

/** The books' worked examples, each with the message key of its button. */
export const SANDBOX_EXAMPLES: ReadonlyArray<{ id: string; label: "exampleCorr" | "exampleEdge" | "exampleMaxPool" | "exampleTransposed"; settings: SandboxSettings }> = [
  // d2l 6.2.1 zh / 7.2.1 en, figure 6.2.1: → [[19, 25], [37, 43]]
  { id: "corr", label: "exampleCorr", settings: { ...BASE, op: "corr2d", input: "0 1 2\n3 4 5\n6 7 8", kernel: "0 1\n2 3" } },
  // d2l 6.2.3 zh / 7.2.3 en: a 6×8 image, black (0) in the middle columns, kernel [1, −1]
  {
    id: "edge",
    label: "exampleEdge",
    settings: { ...BASE, op: "corr2d", input: Array.from({ length: 6 }, () => "1 1 0 0 0 0 1 1").join("\n"), kernel: "1 -1" },
  },
  // d2l 6.5.1 zh / 7.5.1 en, figure 6.5.1: 2×2 max pooling, stride 1 → [[4, 5], [7, 8]]
  { id: "maxpool", label: "exampleMaxPool", settings: { ...BASE, op: "maxpool2d", input: "0 1 2\n3 4 5\n6 7 8", kernel: "0 1\n2 3" } },
  // d2l 13.10.1 zh / 14.10.1 en, figure 13.10.1: → [[0, 0, 1], [0, 4, 6], [4, 12, 9]]
  { id: "transposed", label: "exampleTransposed", settings: { ...BASE, op: "conv2d_transpose", input: "0 1\n2 3", kernel: "0 1\n2 3" } },
];

export const SANDBOX_OPS: readonly WindowOp[] = ["corr2d", "conv2d", "maxpool2d", "avgpool2d", "conv2d_transpose"];
