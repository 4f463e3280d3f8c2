import { variantVariables } from "../questions/question-content";
import type { CourseHistory, HistoryReview } from "./course-history";
import { itemFlags } from "./item-flags";
import { discrimination, mean, median, mostCommon, normalizeAnswer } from "./item-maths";

const WRONG_ANSWERS_SHOWN = 5;
/** A variable with more values than this is not a "region" an instructor can read at a glance. */
const MAX_REGION_VALUES = 12;

function countMistakes(reviews: readonly HistoryReview[]): { id: string; count: number }[] {
  return mostCommon(reviews.flatMap((review) => (review.mistake ? [review.mistake] : [])), Number.POSITIVE_INFINITY).map(({ value, count }) => ({ id: value, count }));
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
    const wrong = reviews.filter((review) => !review.correct).map((review) => normalizeAnswer(review.answer));
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
      medianMs: median(reviews.map((review) => review.elapsedMs)),
      commonWrongAnswers: mostCommon(wrong, WRONG_ANSWERS_SHOWN).map(({ value, count }) => ({ answer: value, count })),
      misconceptions: countMistakes(reviews),
      regions: parameterRegions(reviews),
    };
  });
}
