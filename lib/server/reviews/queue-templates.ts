import type { PrismaClient } from "@/lib/db";
import { listTemplates } from "@/lib/problems";
import { publishedQuestionsFor } from "../questions/published-questions-for";

/**
 * The skills a learner's queue draws from, in the order new ones are started: the published
 * questions of the courses they joined (what they joined for), then the built-in bank in the
 * catalog's order.
 */
export async function queueTemplates(db: PrismaClient, userId: string): Promise<string[]> {
  const courseQuestions = await publishedQuestionsFor({ db, userId });
  return [...courseQuestions.map((question) => question.templateId), ...listTemplates().map((entry) => entry.template)];
}
