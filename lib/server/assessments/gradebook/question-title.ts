import type { PrismaClient } from "@/lib/db";
import { getTemplate } from "@/lib/problems";
import { questionIdOf } from "../../questions/template-id";

/**
 * What the gradebook calls a drawn question: a built-in skill's title in both languages, or a
 * course question's title (one language, as its author wrote it); the id itself when neither is
 * known any more (a template retired since).
 */
export function questionTitle(templateId: string, courseQuestions: ReadonlyMap<string, string>): { en: string; "zh-CN": string } {
  const questionId = questionIdOf(templateId);
  if (questionId) {
    const title = courseQuestions.get(questionId) ?? templateId;
    return { en: title, "zh-CN": title };
  }
  const template = getTemplate(templateId);
  return template ? { en: template.title.en, "zh-CN": template.title["zh-CN"] } : { en: templateId, "zh-CN": templateId };
}

/** The titles of the course questions among these template ids, by question id. */
export async function courseQuestionTitles(db: PrismaClient, templateIds: readonly string[]): Promise<Map<string, string>> {
  const ids = [...new Set(templateIds.flatMap((templateId) => questionIdOf(templateId) ?? []))];
  if (ids.length === 0) return new Map();
  const rows = await db.question.findMany({ where: { id: { in: ids } }, select: { id: true, title: true } });
  return new Map(rows.map((row) => [row.id, row.title]));
}
