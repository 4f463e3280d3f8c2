import { describe, expect, it } from "vitest";
import { checkQuestionDefinition, type CustomQuestion, importBundle, QuestionError } from "@/lib/questions";
import { definitionNestingIssue } from "@/lib/questions/nesting";
import { nestedSpec, nestedSpecText, sequentialPath } from "../engine/nested-spec";
import { outputSizeQuestion } from "./fixtures";

/** A custom question keyed by the engine from `spec` (placeholders left out: the spec is fixed). */
function engineKeyed(spec: unknown): CustomQuestion {
  return { ...outputSizeQuestion, derived: undefined, solution: undefined, answer: { kind: "shape", engine: { mode: "analyze", spec: spec as never, select: "outputShape" } } };
}

function issuesOf(definition: unknown) {
  const checked = checkQuestionDefinition(definition);
  if (checked.ok) throw new Error("expected the definition to be refused");
  return checked.issues;
}

describe("a question definition refuses what would blow the stack, naming the field and the cap", () => {
  it("names the field of a formula that reaches for Object.prototype", () => {
    const issues = issuesOf({ ...outputSizeQuestion, derived: [{ name: "out", formula: "constructor(n)" }] });
    expect(issues).toEqual([{ path: "derived.0.formula", message: expect.stringContaining('formula "constructor(n)": the function "constructor" is not allowed') }]);
    const answer = issuesOf({ ...outputSizeQuestion, answer: { kind: "integer", formula: "__proto__(out)" } });
    expect(answer[0]).toMatchObject({ path: "answer.formula", message: expect.stringContaining('the function "__proto__" is not allowed') });
    const rule = issuesOf({ ...outputSizeQuestion, misconceptions: [{ formula: "hasOwnProperty(out)", message: { en: "x" } }] });
    expect(rule[0]).toMatchObject({ path: "misconceptions.0.formula", message: expect.stringContaining('the function "hasOwnProperty" is not allowed') });
  });

  it("names the field of a formula over the length or nesting cap", () => {
    const long = Array.from({ length: 20_000 }, () => "n").join("+");
    expect(issuesOf({ ...outputSizeQuestion, derived: [{ name: "out", formula: long }] })).toEqual([{ path: "derived.0.formula", message: expect.stringMatching(/is 39,999 characters long, over the limit of 1,000$/) }]);
    expect(issuesOf({ ...outputSizeQuestion, answer: { kind: "integer", formula: `${"-".repeat(400)}out` } })).toEqual([
      { path: "answer.formula", message: expect.stringMatching(/nests 400 levels deep \(brackets, unary signs and powers\), over the limit of 32$/) },
    ]);
  });

  it("refuses an engine spec nested past the composite cap, at answer.engine.spec, with the engine's message", () => {
    const message = `layer ${sequentialPath(17)} (sequential): composites nest more than 16 levels deep, the engine's cap (the zoo's deepest network nests 3)`;
    expect(checkQuestionDefinition(engineKeyed(nestedSpec(16))).ok).toBe(true);
    expect(issuesOf(engineKeyed(nestedSpec(17)))).toEqual([{ path: "answer.engine.spec", message }]);
    expect(issuesOf(engineKeyed(JSON.parse(nestedSpecText(10_000))))).toEqual([{ path: "answer.engine.spec", message }]);
    expect(definitionNestingIssue(engineKeyed(JSON.parse(nestedSpecText(10_000))))).toEqual({ path: "answer.engine.spec", message });
  });

  it("refuses an op nested past the value cap, at the op's field", () => {
    let input: unknown = 1;
    for (let level = 0; level < 10_000; level += 1) input = [input];
    const definition = { ...outputSizeQuestion, derived: undefined, solution: undefined, answer: { kind: "matrix", engine: { mode: "run", op: { op: "relu", input }, select: "output" } } };
    const issues = issuesOf(definition);
    expect(issues).toEqual([{ path: "answer.engine.op.input", message: "input nests more than 8 levels of arrays or objects (at input.0.0.0.0.0.0.0.0), the engine's cap" }]);
  });

  it("refuses a bundle holding such a spec with the cap's message and the question's path", () => {
    const definition = JSON.stringify(engineKeyed({ input: [4], layers: [] })).replace('{"input":[4],"layers":[]}', nestedSpecText(10_000));
    const text = `{"format":"stride-bank","version":1,"bank":{"title":"Deep","questions":[{"key":"q1","versions":[{"version":1,"published":true,"definition":${definition}}]}]}}`;
    let refused: unknown;
    try {
      importBundle(text);
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(QuestionError);
    expect((refused as QuestionError).issues).toEqual([
      { path: "bank.questions.0.versions.0.definition.answer.engine.spec", message: expect.stringContaining("composites nest more than 16 levels deep, the engine's cap") },
    ]);
  });
});
