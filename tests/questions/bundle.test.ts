import { describe, expect, it } from "vitest";
import { exportBundle, importBundle, QuestionError } from "@/lib/questions";
import { demoBank } from "./bank-fixture";

/** The same JSON value with every object's keys in reverse order, as another program might write it. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (typeof value === "object" && value !== null) return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reverseKeys(v)]));
  return value;
}

function importError(text: string): QuestionError {
  try {
    importBundle(text);
  } catch (error) {
    if (error instanceof QuestionError) return error;
    throw error;
  }
  throw new Error("the bundle was accepted");
}

describe("the JSON bundle of a bank", () => {
  const exported = exportBundle(demoBank());

  it("is byte-identical after export → import → export, whatever order the keys came in", () => {
    expect(exportBundle(importBundle(exported))).toBe(exported);
    const shuffled = JSON.stringify(reverseKeys(JSON.parse(exported)));
    expect(exportBundle(importBundle(shuffled))).toBe(exported);
  });

  it("is normalised: sorted keys, two-space indentation, a final newline, every version kept", () => {
    expect(exported.startsWith('{\n  "bank": {\n    "questions": [\n')).toBe(true);
    expect(exported.endsWith('\n  "format": "stride-bank",\n  "version": 1\n}\n')).toBe(true);
    const bank = importBundle(exported);
    expect(bank.questions.map((q) => [q.key, q.versions.map((v) => v.version)])).toEqual([
      ["conv-block", [1, 2]],
      ["output-size", [1]],
      ["pool-params", [1]],
      ["hyperparameters", [1]],
      ["pool-is-linear", [1]],
      ["never-published", [1]],
    ]);
    expect(bank).toEqual(demoBank());
  });

  it("says a file that is not JSON is not JSON", () => {
    const error = importError("{ not json");
    expect(error.code).toBe("invalid-bundle");
    expect(error.message).toMatch(/^the bundle is not JSON: /);
  });

  it("names the path of every mistake in a bad file", () => {
    const document = JSON.parse(exported);
    document.format = "moodle";
    document.bank.questions[1].versions[0].definition.variables[3].max = 0;
    document.bank.questions[0].versions[1].version = 1;
    document.bank.questions[4].versions[0].definition.answer.value = "no";
    const error = importError(JSON.stringify(document));
    expect(error.issues).toEqual([
      { path: "format", message: 'not a Stride bank bundle: format must be "stride-bank"' },
      { path: "bank.questions.0.versions.1.version", message: "versions go up: 1 follows 1" },
      { path: "bank.questions.1.versions.0.definition.variables.3.max", message: "max is smaller than min" },
      { path: "bank.questions.4.versions.0.definition.answer.value", message: expect.stringMatching(/expected boolean/) },
    ]);
    expect(error.message).toContain("bank.questions.1.versions.0.definition.variables.3.max: max is smaller than min");
  });

  it("refuses two questions with one key", () => {
    const document = JSON.parse(exported);
    document.bank.questions[2].key = "conv-block";
    expect(importError(JSON.stringify(document)).issues).toEqual([{ path: "bank.questions.2.key", message: "the key conv-block is used twice" }]);
  });

  it("refuses to export an invalid bank", () => {
    const bank = demoBank();
    bank.questions[0]?.versions.push({ version: 2, published: true, definition: bank.questions[0].versions[0]?.definition as never });
    expect(() => exportBundle(bank)).toThrow("bank.questions.0.versions.2.version: versions go up: 2 follows 2");
  });
});
