import type { ArchitectureSpec } from "@/lib/engine";
import type { Answer, Check } from "@/lib/problems";

/**
 * A key written the way a learner types it into the review page: a shape as `16x15x15`, a matrix
 * as nested brackets, choices as their letters, a number rounded to the digits a person would copy.
 * A design key (its constraints) is answered by the problem's reference spec, the check's; without
 * it, by a network of one flatten layer, which breaks the shape constraints: a wrong answer.
 */
export function typedAnswer(answer: Answer, check?: Check): string {
  switch (answer.kind) {
    case "spec":
      return JSON.stringify(check?.mode === "analyze" ? { layers: check.spec.layers } : ({ layers: [{ type: "flatten" }] } satisfies Pick<ArchitectureSpec, "layers">));
    case "shape":
      return answer.value.join("x");
    case "matrix":
      return JSON.stringify(answer.value);
    case "choices":
      return answer.value.join(", ");
    case "number":
      return String(Number(answer.value.toPrecision(6)));
    default:
      return String(answer.value);
  }
}

/**
 * A wrong answer of the key's kind for when no misconception of the variant applies: off by one,
 * the other truth value, or another option, so the history holds an ordinary slip.
 */
export function slipOf(answer: Answer, options: readonly { id: string }[] | undefined): Answer {
  switch (answer.kind) {
    case "shape":
      return { ...answer, value: answer.value.map((size, index) => (index === answer.value.length - 1 ? size + 1 : size)) };
    case "integer":
      return { ...answer, value: answer.value + 1 };
    case "number":
      return { ...answer, value: answer.value * 2 + 1 };
    case "matrix":
      return { ...answer, value: answer.value.map((row, r) => row.map((entry, c) => (r === 0 && c === 0 ? entry + 1 : entry))) };
    case "boolean":
      return { ...answer, value: !answer.value };
    case "choice":
      return { ...answer, value: options?.find((option) => option.id !== answer.value)?.id ?? answer.value };
    case "choices":
      return { ...answer, value: answer.value.length > 1 ? answer.value.slice(1) : [options?.find((option) => !answer.value.includes(option.id))?.id ?? "A"] };
    case "spec":
      // The constraints are the key; a slip is a network that breaks one, which typedAnswer writes from the check.
      return answer;
  }
}
