import type { PrismaClient } from "@/lib/db";
import { latestRatings, State, topicMastery } from "@/lib/srs";
import { questionTemplateId } from "../questions/template-id";
import type { CourseHistory } from "./course-history";

/**
 * Per learner of the course: how many of its questions' reviews count, true retention (the share
 * of reviews of cards already in the FSRS Review state that were passed, i.e. rated above Again,
 * as on the learner's own progress page) and mastery per topic of the course's questions, defined
 * as on that page (lib/srs/mastery.ts) with the learner's own FSRS weights.
 */
export async function learnerStatistics({ db, history, now }: { db: PrismaClient; history: CourseHistory; now: Date }) {
  const templates = history.questions.map((question) => ({ template: questionTemplateId(question.id), topic: question.topic }));
  const learnerIds = history.learners.map((learner) => learner.id);
  const [cards, weights] = await Promise.all([
    db.card.findMany({
      where: { templateId: { in: templates.map((entry) => entry.template) }, userId: { in: learnerIds } },
      select: { userId: true, templateId: true, stability: true, lastReview: true },
    }),
    db.user.findMany({ where: { id: { in: learnerIds } }, select: { id: true, fsrsParameters: true } }),
  ]);
  const parametersOf = new Map(weights.map((user) => [user.id, user.fsrsParameters]));
  function learnerMastery(userId: string) {
    const lastRatings = latestRatings(history.reviews.filter((review) => review.userId === userId && review.mode === "review"));
    const skills = cards.filter((card) => card.userId === userId).map((card) => ({ ...card, lastRating: lastRatings.get(card.templateId) ?? null }));
    const parameters = parametersOf.get(userId) ?? [];
    return topicMastery({ skills, templates, now, ...(parameters.length > 0 ? { parameters } : {}) });
  }
  return history.learners.map((learner) => {
    const reviews = history.reviews.filter((review) => review.userId === learner.id);
    const recalled = reviews.filter((review) => review.mode === "review" && review.stateBefore === State.Review);
    const passed = recalled.filter((review) => review.rating > 1).length;
    return {
      userId: learner.id,
      name: learner.name,
      email: learner.email,
      reviews: reviews.length,
      retention: recalled.length === 0 ? null : passed / recalled.length,
      mastery: learnerMastery(learner.id),
    };
  });
}
