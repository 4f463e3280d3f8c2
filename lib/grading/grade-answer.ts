import { getTemplate, type Problem, type VariantMisconception } from "../problems";
import { gradeBoolean } from "./grade-boolean";
import { gradeChoice, gradeChoices } from "./grade-choice";
import { gradeMatrix } from "./grade-matrix";
import { gradeNumber } from "./grade-number";
import { gradeShape } from "./grade-shape";
import { gradeSpec } from "./grade-spec";
import type { GradingContext } from "./grading-context";
import type { GradeResult } from "./types";

/**
 * Grades what a learner typed against a problem's key (recomputed from the seed by the caller,
 * never taken from the client), for every answer kind; each kind's reading and partial credit
 * are described in its grader (grade-shape.ts, grade-number.ts, grade-matrix.ts, grade-choice.ts,
 * grade-boolean.ts, grade-spec.ts). An answer that cannot be read as the kind asked for is a format error
 * (`gradable: false`), which costs nothing. A wrong answer is matched against the template's
 * misconceptions, in their declared order; `misconceptions` overrides them (a problem whose
 * template is no longer registered has none).
 */
export function gradeAnswer({
  problem,
  answer,
  misconceptions,
}: {
  problem: Problem;
  answer: string;
  misconceptions?: readonly VariantMisconception[];
}): GradeResult {
  const base = {
    answer,
    problem,
    options: problem.options,
    misconceptions: () => misconceptions ?? getTemplate(problem.template)?.misconceptions(problem.seed) ?? [],
  };
  const key = problem.answer;
  switch (key.kind) {
    case "shape":
      return gradeShape({ ...base, key });
    case "integer":
    case "number":
      return gradeNumber({ ...base, key } as GradingContext<"integer" | "number">);
    case "matrix":
      return gradeMatrix({ ...base, key });
    case "choice":
      return gradeChoice({ ...base, key });
    case "choices":
      return gradeChoices({ ...base, key });
    case "boolean":
      return gradeBoolean({ ...base, key });
    case "spec":
      return gradeSpec({ ...base, key });
  }
}
