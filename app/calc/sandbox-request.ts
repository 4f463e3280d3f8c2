import type { OpSpec } from "@/lib/engine";
import type { SandboxSettings } from "./sandbox-examples";

/** The engine's op spec and the same settings for the animation's window list. */
export function buildRequest(settings: SandboxSettings, input: number[][], kernel: number[][]) {
  const stride: [number, number] = [settings.stride, settings.stride];
  const padding: [number, number] = [settings.padding, settings.padding];
  const dilation: [number, number] = [settings.dilation, settings.dilation];
  const poolSize: [number, number] = [settings.poolHeight, settings.poolWidth];
  const { op } = settings;
  let spec: OpSpec;
  if (op === "maxpool2d" || op === "avgpool2d") spec = { op, input, kernel: poolSize, stride, padding };
  else if (op === "conv2d_transpose") spec = { op, input, kernel, stride, padding };
  else spec = { op, input, kernel, stride, padding, dilation };
  return { spec, key: JSON.stringify(spec), windows: { op, input, kernel, poolSize, stride, padding, dilation } };
}
