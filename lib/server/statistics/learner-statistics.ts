import type { PrismaClient } from "@/lib/db";
import { State } from "@/lib/srs";
import { topicMastery } from "../progress/mastery";
import { questionTemplateId } from "../questions/template-id";
import type { CourseHistory } from "./course-history";

/**
 * Per learner of the course: how many of its questions' reviews count, true retention (the share
 * of reviews of cards already in the FSRS Review state that were passed, i.e. rated above Again,
 * as on the learner's own progress page) and mastery per topic of the course's questions.
 */
export async function learnerStatistics({ db, history, now }: { db: PrismaClient; history: CourseHistory; now: Date }) {
  const templates = history.questions.map((question) => ({ template: questionTemplateId(question.id), topic: question.topic }));
  const cards = await db.card.findMany({
    where: { templateId: { in: templates.map((entry) => entry.template) }, userId: { in: history.learners.map((learner) => learner.id) } },
    select: { userId: true, templateId: true, stability: true, lastReview: true },
  });
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
      mastery: topicMastery({ cards: cards.filter((card) => card.userId === learner.id), templates, now }),
    };
  });
}
