import { describe, expect, it } from "vitest";
import { analyze, checkSpecDepth, EngineError, MAX_COMPOSITE_DEPTH, MAX_VALUE_DEPTH, zooNames, zooSpec } from "@/lib/engine";
import type { CliIo } from "@/lib/cli/io";
import { runCli } from "@/lib/cli/main";
import { compositePath, nestedSpec, nestedSpecText, sequentialPath } from "./nested-spec";

function engineError(run: () => unknown): EngineError {
  try {
    run();
  } catch (error) {
    if (error instanceof EngineError) return error;
    throw error;
  }
  throw new Error("expected an EngineError");
}

/** A list nested `levels` arrays deep around one number. */
function nestedArray(levels: number): unknown {
  let value: unknown = 3;
  for (let level = 0; level < levels; level += 1) value = [value];
  return value;
}

describe("the engine's cap on composite nesting (issue 11, item 5)", () => {
  it("is 16 levels, more than five times the zoo's deepest network", () => {
    expect(MAX_COMPOSITE_DEPTH).toBe(16);
    for (const name of zooNames()) expect(() => checkSpecDepth(zooSpec(name))).not.toThrow();
  });

  it.each(["sequential", "residual", "concat"] as const)("analyses %s nested 16 levels, and refuses 17 naming the cap and the layer", (kind) => {
    // By hand: a dense layer of 10 units on 4 features has 4·10 + 10 = 50 parameters; the residual's shortcut holds another.
    expect(analyze(nestedSpec(16, kind)).totalParams).toBe(kind === "residual" ? 50 * 17 : 50);
    const error = engineError(() => analyze(nestedSpec(17, kind)));
    expect(error.code).toBe("too-deep");
    expect(error.path).toBe(compositePath(17, kind));
    expect(error.message).toMatch(/composites nest more than 16 levels deep, the engine's cap/);
    expect(error.message.startsWith(`layer ${error.path} (${kind}): `)).toBe(true);
  });

  it("refuses 10,000 nested sequentials with the cap's message, not a stack overflow", () => {
    const spec = JSON.parse(nestedSpecText(10_000));
    const error = engineError(() => analyze(spec));
    expect(error.code).toBe("too-deep");
    expect(error.message).toBe(`layer ${sequentialPath(17)} (sequential): composites nest more than 16 levels deep, the engine's cap (the zoo's deepest network nests 3)`);
  });

  it("refuses a field or the input nested past the value cap, naming the field", () => {
    expect(MAX_VALUE_DEPTH).toBe(8);
    const kernel = engineError(() => analyze({ input: [1, 8, 8], layers: [{ type: "conv2d", filters: 2, kernel: nestedArray(10_000) }] }));
    expect(kernel.message).toBe("layer 0 (conv2d): kernel nests more than 8 levels of arrays or objects, the engine's cap");
    expect(kernel.path).toBe("0");
    const input = engineError(() => analyze({ input: nestedArray(10_000), layers: [] }));
    expect(input.message).toBe("spec: input nests more than 8 levels of arrays or objects, the engine's cap");
    // Within the cap, the field is read and refused for what it is, as before.
    expect(engineError(() => analyze({ input: [1, 8, 8], layers: [{ type: "conv2d", filters: 2, kernel: nestedArray(3) }] })).code).toBe("invalid-layer");
  });
});

describe("stride engine analyze on a deeply nested spec", () => {
  it("answers the cap's message on the spec's line and goes on with the next", async () => {
    const out: string[] = [];
    const err: string[] = [];
    const lines = [nestedSpecText(10_000), JSON.stringify(nestedSpec(2))];
    const io: CliIo = {
      out: async (text) => void out.push(text),
      err: (line) => void err.push(line),
      readStdin: async () => lines.join("\n"),
      stdinLines: async function* () {
        yield* lines;
      },
      readFile: async () => lines.join("\n"),
    };
    expect(await runCli(["engine", "analyze", "-"], io)).toBe(0);
    const answers = out.join("").trimEnd().split("\n").map((line) => JSON.parse(line));
    expect(answers[0]).toEqual({ error: `layer ${sequentialPath(17)} (sequential): composites nest more than 16 levels deep, the engine's cap (the zoo's deepest network nests 3)` });
    expect(answers[1].totalParams).toBe(50);
  });
});
