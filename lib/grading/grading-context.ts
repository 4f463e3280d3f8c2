import type { Answer, ChoiceOption, Problem, VariantMisconception } from "../problems";

/** What a grader of one answer kind works from. */
export interface GradingContext<K extends Answer["kind"]> {
  key: Extract<Answer, { kind: K }>;
  answer: string;
  problem: Problem;
  options: readonly ChoiceOption[] | undefined;
  /** The variant's misconceptions in the order they are tried; computed only when asked for. */
  misconceptions(): readonly VariantMisconception[];
}

/** The misconceptions of the given kind, their wrong answers typed. */
export function misconceptionsOfKind<K extends Answer["kind"]>(
  context: GradingContext<K>,
): { misconception: VariantMisconception; wrong: Extract<Answer, { kind: K }> }[] {
  return context
    .misconceptions()
    .filter((misconception) => misconception.wrongAnswer.kind === context.key.kind)
    .map((misconception) => ({ misconception, wrong: misconception.wrongAnswer as Extract<Answer, { kind: K }> }));
}
