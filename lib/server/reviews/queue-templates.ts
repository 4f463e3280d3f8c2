import type { PrismaClient } from "@/lib/db";
import { listTemplates } from "@/lib/problems";
import { publishedQuestionsFor } from "../questions/published-questions-for";

export interface LearnerQueue {
  /** Template ids in the order new skills are started. */
  templateIds: string[];
  /** For each course question in the queue, the published version a new variant is built from. */
  versionOf: ReadonlyMap<string, string>;
}

/**
 * The skills a learner's queue draws from, in the order new ones are started: the published
 * questions of the courses they joined (what they joined for), then the built-in bank in the
 * catalog's order.
 */
export async function learnerQueue(db: PrismaClient, userId: string): Promise<LearnerQueue> {
  const courseQuestions = await publishedQuestionsFor({ db, userId });
  return {
    templateIds: [...courseQuestions.map((question) => question.templateId), ...listTemplates().map((entry) => entry.template)],
    versionOf: new Map(courseQuestions.map((question) => [question.templateId, question.questionVersionId])),
  };
}
