import { describe, expect, it, vi } from "vitest";
import { gradeCommand } from "@/lib/cli/commands/grade";
import type { CliIo } from "@/lib/cli/io";

// Concept-style templates of every kind (check null, conceptKey), standing in for the catalog.
vi.mock("@/lib/problems/templates/group-c", () => {
  const concept = (id: string, answerKind: string, value: unknown, options?: { id: string; text: string }[]) => ({
    id, topic: "concepts", answerKind, difficulties: ["easy"], title: () => id,
    generate: () => ({}), check: () => null,
    conceptKey: () => (answerKind === "number" ? { kind: answerKind, value, tolerance: 1e-3 } : { kind: answerKind, value }),
    tolerance: 1e-3,
    ...(options ? { options: () => options } : {}),
    render: () => ({ prompt: "?", solution: "!" }),
    misconceptions: [],
  });
  const options = [{ id: "A", text: "Locality" }, { id: "B", text: "Depth" }, { id: "C", text: "Sharing" }];
  return {
    groupCTemplates: [
      concept("t.integer", "integer", 196609000),
      concept("t.number", "number", 0.5),
      concept("t.matrix", "matrix", [[19, 25], [37, 43]]),
      concept("t.choice", "choice", "A", options),
      concept("t.choices", "choices", ["A", "C"], options),
      concept("t.boolean", "boolean", false),
    ],
  };
});

function fakeIo(stdin: string[] = []): CliIo & { text: () => string } {
  let out = "";
  return {
    out: (text) => ((out += text), Promise.resolve()),
    err: () => undefined,
    readStdin: () => Promise.resolve(stdin.join("\n")),
    stdinLines: async function* () {
      yield* stdin;
    },
    readFile: () => Promise.reject(new Error("no files")),
    text: () => out,
  };
}

describe("stride grade on every answer kind", () => {
  it.each([
    ["t.integer", "196,609,000"],
    ["t.number", "1/2"],
    ["t.matrix", "19 25; 37 43"],
    ["t.choice", "(a)"],
    ["t.choices", "C, A"],
    ["t.boolean", "错"],
  ])("grades %s answered %j as correct", async (template, answer) => {
    const io = fakeIo();
    expect(await gradeCommand(["--template", template, "--seed", "1", "--answer", answer, "--json"], io)).toBe(0);
    expect(JSON.parse(io.text())).toMatchObject({ gradable: true, score: 1, correct: true });
  });

  it("reads JSON answers of every kind in --batch, one line out per line in", async () => {
    const lines = [
      { template: "t.integer", seed: 1, answer: 196609000 },
      { template: "t.matrix", seed: 1, answer: [[19, 25], [37, 44]] },
      { template: "t.choices", seed: 1, answer: ["A"] },
      { template: "t.boolean", seed: 1, answer: true, lang: "zh-CN" },
      { template: "t.choice", seed: 1, answer: "Z" },
    ].map((line) => JSON.stringify(line));
    const io = fakeIo(lines);
    expect(await gradeCommand(["--batch"], io)).toBe(0);
    const out = io.text().trim().split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(out[0]).toMatchObject({ score: 1, correct: true });
    expect(out[1]).toMatchObject({ score: 3 / 4, correct: false }); // 3 of 4 entries right (by hand)
    expect(out[2]).toMatchObject({ score: 1 / 2, correct: false }); // PC: (1 − 0)/2
    expect(out[3]).toMatchObject({ score: 0, feedback: "不对。答案是 错（错误）。" });
    expect(out[4]).toMatchObject({ gradable: false, formatError: "“Z” matches none of the options. Enter the letter of one option (A, B, C) or its text." });
  });
});
