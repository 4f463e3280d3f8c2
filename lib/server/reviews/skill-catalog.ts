import type { PrismaClient } from "@/lib/db";
import { listTemplates, type Localized } from "@/lib/problems";
import { questionIdOf } from "../questions/template-id";

export interface SkillEntry {
  template: string;
  topic: string;
  title: Localized;
}

/**
 * Names and topics of every skill a learner may hold: the built-in templates, and the course
 * questions among `templateIds` (titled as their instructor wrote them, in both languages).
 */
export async function skillCatalog(db: PrismaClient, templateIds: readonly string[]): Promise<Map<string, SkillEntry>> {
  const catalog = new Map<string, SkillEntry>(listTemplates().map((entry) => [entry.template, { template: entry.template, topic: entry.topic, title: entry.title }]));
  const questionIds = [...new Set(templateIds.map(questionIdOf).filter((id): id is string => id !== null))];
  if (questionIds.length > 0) {
    const questions = await db.question.findMany({ where: { id: { in: questionIds } }, select: { id: true, title: true, topic: true } });
    for (const question of questions) {
      const template = `question:${question.id}`;
      catalog.set(template, { template, topic: question.topic, title: { en: question.title, "zh-CN": question.title } });
    }
  }
  return catalog;
}
