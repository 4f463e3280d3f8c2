import { describe, expect, it } from "vitest";
import {
  answerHintValues,
  INTEGER_EXAMPLES,
  MATRIX_HINT_EXAMPLE,
  matrixAsJson,
  matrixAsRows,
  matrixExample,
  NUMBER_EXAMPLES,
  SHAPE_EXAMPLE,
} from "@/lib/grading/answer-examples";
import { keysAgree, parseInteger, parseMatrix, parseNumber, parseShape } from "@/lib/grading";
import { messagesByLocale } from "@/lib/i18n/messages";
import { type Answer, listTemplates, sampleProblem } from "@/lib/problems";

/** As many seeds as the issue counted the old example's leaks over (32 of 1,000). */
const SEEDS = 1000;

const keys: { template: string; seed: number; answer: Answer }[] = listTemplates().flatMap((info) =>
  Array.from({ length: SEEDS }, (_, seed) => ({ template: info.template, seed, answer: sampleProblem({ template: info.template, seed }).answer })),
);

function valueOf(parse: { ok: true; value: number } | { ok: false }): number {
  if (!parse.ok) throw new Error("an example does not parse");
  return parse.value;
}

/** Keys compared loosely (1e-3 relative, or the key's own tolerance if wider), so a near miss counts too. */
function agrees(example: unknown, answer: Answer): boolean {
  const tolerance = Math.max(1e-3, "tolerance" in answer && typeof answer.tolerance === "number" ? answer.tolerance : 0);
  return keysAgree(example, answer.value, tolerance);
}

const numberExamples = [
  ...Object.values(INTEGER_EXAMPLES).map((text) => valueOf(parseNumber(text))),
  ...Object.values(NUMBER_EXAMPLES).map((text) => valueOf(parseNumber(text))),
];

describe("the examples hints and format errors show", () => {
  it("read as the values they were written for", () => {
    // by hand: 12·34 = 408, 408·56 = 22,848, + 789 = 23,637
    expect(Object.values(INTEGER_EXAMPLES).map((text) => valueOf(parseInteger(text)))).toEqual([1234567, 7500000, 23637]);
    // by hand: (31 + 2 − 4)/2 + 1 = 15.5
    expect(Object.values(NUMBER_EXAMPLES).map((text) => valueOf(parseNumber(text)))).toEqual([0.37, 0.0025, 1 / 7, 15.5]);
    const hint = answerHintValues();
    expect(parseShape(hint.shape ?? "", 3)).toEqual({ ok: true, value: [5, 17, 31] });
    expect(parseShape(hint.shapeTuple ?? "", 3)).toEqual({ ok: true, value: [5, 17, 31] });
    expect(parseMatrix(hint.matrix ?? "", 2, 2)).toEqual({ ok: true, value: [[1.1, 1.2], [2.1, 2.2]] });
  });

  it("lay a matrix out as row.column, in both written forms", () => {
    const example = matrixExample(2, 3);
    expect(example).toEqual([[1.1, 1.2, 1.3], [2.1, 2.2, 2.3]]);
    expect(matrixAsRows(example)).toBe("1.1 1.2 1.3; 2.1 2.2 2.3");
    expect(matrixAsJson(example)).toBe("[[1.1, 1.2, 1.3], [2.1, 2.2, 2.3]]");
    expect(parseMatrix(matrixAsRows(example), 2, 3)).toEqual({ ok: true, value: example });
  });

  it("would catch the old whole-number example, which was a key of params.dense-vs-conv", () => {
    const leaks = keys.filter((key) => key.template === "params.dense-vs-conv" && agrees(196609000, key.answer));
    expect(leaks.length).toBeGreaterThan(0);
  });

  it(`are no template's key, over seeds 0–${SEEDS - 1}`, () => {
    const leaks: string[] = [];
    for (const { template, seed, answer } of keys) {
      const examples: unknown[] =
        answer.kind === "integer" || answer.kind === "number"
          ? numberExamples
          : answer.kind === "shape"
            ? [[...SHAPE_EXAMPLE]]
            : answer.kind === "matrix"
              ? [MATRIX_HINT_EXAMPLE, matrixExample(answer.value.length, answer.value[0]?.length ?? 0)]
              : [];
      for (const example of examples) if (agrees(example, answer)) leaks.push(`${template} seed ${seed}: ${JSON.stringify(example)}`);
    }
    expect(leaks).toEqual([]);
  });

  it("come from this module only: the hint messages hold no number of their own", () => {
    for (const [lang, catalogue] of Object.entries(messagesByLocale)) {
      for (const [kind, text] of Object.entries(catalogue.review.hints)) {
        expect(text.replace(/\{[^}]*\}/g, ""), `${lang} hints.${kind}`).not.toMatch(/[0-9０-９]/);
      }
    }
  });
});
