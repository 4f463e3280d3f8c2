import type { Localized } from "@/lib/problems";
import { buildVariant, variantVariables } from "../questions/question-content";
import type { CourseHistory, HistoryReview } from "./course-history";
import { itemFlags } from "./item-flags";
import { discrimination, mean, median, mostCommon, normalizeAnswer } from "./item-maths";

const WRONG_ANSWERS_SHOWN = 5;
/** A variable with more values than this is not a "region" an instructor can read at a glance. */
const MAX_REGION_VALUES = 12;

function countMistakes(reviews: readonly HistoryReview[]): { id: string; count: number }[] {
  return mostCommon(reviews.flatMap((review) => (review.mistake ? [review.mistake] : [])), Number.POSITIVE_INFINITY).map(({ value, count }) => ({ id: value, count }));
}

/**
 * A wrong answer to a choice question as the options it picked, so the statistics show "B (4)"
 * rather than the "b" it is counted as: the letters read against the options of the variant one
 * learner was asked (the same letters for a fixed question). Null for any other answer, or letters
 * the variant does not have.
 */
function chosenOptions(answer: string, review: HistoryReview | undefined): { id: string; text: Localized }[] | null {
  if (!review?.definition) return null;
  const ids = answer.split(/[,;\s]+/).filter(Boolean).map((id) => id.toUpperCase());
  if (ids.length === 0) return null;
  const request = { templateId: review.templateId, seed: review.seed };
  try {
    const [en, zh] = (["en", "zh-CN"] as const).map((lang) => buildVariant(review.definition, { ...request, lang }).problem);
    if (!en?.options || !zh?.options || (en.answer.kind !== "choice" && en.answer.kind !== "choices")) return null;
    const options = ids.map((id) => {
      const index = en.options!.findIndex((option) => option.id === id);
      return index < 0 ? null : { id, text: { en: en.options![index]!.text, "zh-CN": zh.options![index]!.text } };
    });
    return options.every((option) => option !== null) ? options : null;
  } catch {
    // A version that no longer builds has no options to read; the answer stays as typed.
    return null;
  }
}

/** Each learner's mean score per question, the input of discrimination. */
export function learnerItemMeans(reviews: readonly HistoryReview[]): Map<string, Map<string, number>> {
  const sums = new Map<string, Map<string, { sum: number; n: number }>>();
  for (const review of reviews) {
    const items = sums.get(review.userId) ?? new Map<string, { sum: number; n: number }>();
    const item = items.get(review.questionId) ?? { sum: 0, n: 0 };
    item.sum += review.score;
    item.n += 1;
    items.set(review.questionId, item);
    sums.set(review.userId, items);
  }
  return new Map([...sums].map(([userId, items]) => [userId, new Map([...items].map(([id, { sum, n }]) => [id, sum / n]))]));
}

/**
 * The answers grouped by the value of each variable that varies (stride 1 vs 2), with facility
 * and misconceptions per group, so an instructor sees where in the parameter space learners fail.
 * Variables come from rebuilding each answered variant from its version and seed.
 */
function parameterRegions(reviews: readonly HistoryReview[]) {
  const byVariable = new Map<string, Map<string, HistoryReview[]>>();
  // A variant is rebuilt once however often it was answered (a built-in one may scan many seeds).
  const rebuilt = new Map<string, Record<string, number | boolean | string> | null>();
  for (const review of reviews) {
    const variant = `${review.questionVersionId}:${review.seed}`;
    if (!rebuilt.has(variant)) {
      rebuilt.set(variant, review.definition ? variantVariables(review.definition, { templateId: review.templateId, seed: review.seed }) : null);
    }
    const variables = rebuilt.get(variant);
    for (const [name, value] of Object.entries(variables ?? {})) {
      const values = byVariable.get(name) ?? new Map<string, HistoryReview[]>();
      const key = String(value);
      values.set(key, [...(values.get(key) ?? []), review]);
      byVariable.set(name, values);
    }
  }
  return [...byVariable]
    .filter(([, values]) => values.size > 1 && values.size <= MAX_REGION_VALUES)
    .map(([variable, values]) => ({
      variable,
      values: [...values]
        .sort(([a], [b]) => Number(a) - Number(b) || (a < b ? -1 : a > b ? 1 : 0))
        .map(([value, group]) => ({ value, attempts: group.length, facility: mean(group.map((review) => review.score)), misconceptions: countMistakes(group) })),
    }));
}

/** Per question: attempts, facility, discrimination, what needs a look, median time, wrong answers, misconceptions, regions. */
export function itemStatistics(history: CourseHistory) {
  const means = learnerItemMeans(history.reviews);
  return history.questions.map((question) => {
    const reviews = history.reviews.filter((review) => review.questionId === question.id);
    const wrongReviews = reviews.filter((review) => !review.correct);
    const wrong = wrongReviews.map((review) => normalizeAnswer(review.answer));
    const facility = mean(reviews.map((review) => review.score));
    const itemDiscrimination = discrimination(question.id, means);
    return {
      questionId: question.id,
      title: question.title,
      topic: question.topic,
      attempts: reviews.length,
      facility,
      discrimination: itemDiscrimination,
      flags: itemFlags({ attempts: reviews.length, facility, discrimination: itemDiscrimination, keyMismatches: history.keyMismatches.get(question.id) ?? 0 }),
      // Assessment retrievals carry no answer time (recorded as 0).
      medianMs: median(reviews.filter((review) => review.mode !== "assessment").map((review) => review.elapsedMs)),
      commonWrongAnswers: mostCommon(wrong, WRONG_ANSWERS_SHOWN).map(({ value, count }) => ({
        answer: value,
        count,
        options: chosenOptions(value, wrongReviews[wrong.indexOf(value)]),
      })),
      misconceptions: countMistakes(reviews),
      regions: parameterRegions(reviews),
    };
  });
}
