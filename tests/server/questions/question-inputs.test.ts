import { describe, expect, it } from "vitest";
import { jsonLength } from "@/lib/server/questions/json-length";
import { createQuestionInput } from "@/lib/server/questions/schemas";
import { nestedSpecText, sequentialPath } from "../../engine/nested-spec";

const BANK = "3f1d2c4b-5a69-4e7f-8a1b-2c3d4e5f6a7b";

describe("jsonLength", () => {
  it.each([
    ["a number", 12.5],
    ["a string with escapes", 'a "quoted"\n\\ 卷积'],
    ["null and booleans", [null, true, false]],
    ["nested objects and arrays", { a: [1, { b: "c", d: [] }], e: {} }],
    ["undefined members, left out as JSON.stringify leaves them", { a: undefined, b: [undefined, 1] }],
  ])("counts %s as JSON.stringify writes it", (_, value) => {
    expect(jsonLength(value, 1_000)).toBe(JSON.stringify(value).length);
  });

  it("stops counting past the limit, without recursion, on 100,000 nested arrays", () => {
    let value: unknown = 1;
    for (let level = 0; level < 100_000; level += 1) value = [value];
    expect(() => JSON.stringify(value)).toThrow(RangeError);
    expect(jsonLength(value, 1_000)).toBe(1_001);
  });
});

describe("the input of questions.create", () => {
  it("names an engine spec nested past the cap at its field before judging the size (10,000 levels are also 330,000 characters)", () => {
    const definition = { kind: "custom", answer: { kind: "shape", engine: { mode: "analyze", spec: JSON.parse(nestedSpecText(10_000)), select: "outputShape" } } };
    const parsed = createQuestionInput.safeParse({ bankId: BANK, definition });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["definition.answer.engine.spec", `layer ${sequentialPath(17)} (sequential): composites nest more than 16 levels deep, the engine's cap (the zoo's deepest network nests 3)`],
    ]);
  });

  it("refuses a definition over 200,000 characters, and a missing one", () => {
    const big = { kind: "fixed", prompt: { en: "x".repeat(200_001) } };
    expect(createQuestionInput.safeParse({ bankId: BANK, definition: big }).error?.issues[0]?.message).toBe("give a definition of at most 200,000 characters");
    expect(createQuestionInput.safeParse({ bankId: BANK }).error?.issues[0]?.message).toBe("give a definition of at most 200,000 characters");
    expect(createQuestionInput.safeParse({ bankId: BANK, definition: { kind: "fixed" } }).success).toBe(true);
  });
});
