import type { PrismaClient } from "@/lib/db";
import { listTemplates } from "@/lib/problems";

/**
 * Writes every template the code registers into the `templates` table, so the bank is in the
 * database after start (issue 5) and courses can refer to templates by id. A template no longer
 * registered stays, inactive: cards and reviews may still point at it.
 */
export async function syncBuiltInBank({ db }: { db: PrismaClient }): Promise<{ active: number; retired: string[] }> {
  const templates = listTemplates();
  const ids = templates.map((template) => template.template);
  await db.$transaction(async (tx) => {
    for (const template of templates) {
      const fields = {
        topic: template.topic,
        titleEn: template.title.en,
        titleZh: template.title["zh-CN"],
        answerKind: template.answerKind,
        difficulties: [...template.difficulties],
        active: true,
      };
      await tx.template.upsert({ where: { id: template.template }, create: { id: template.template, ...fields }, update: fields });
    }
    // Start-up work, not a request: on a busy machine (two test runs on two cores) the 67 upserts
    // took longer than Prisma's default 5 s, and the server failed to start.
  }, { maxWait: 60_000, timeout: 120_000 });
  const retired = await db.template.findMany({ where: { id: { notIn: ids }, active: true }, select: { id: true } });
  if (retired.length > 0) {
    await db.template.updateMany({ where: { id: { in: retired.map((row) => row.id) } }, data: { active: false } });
  }
  return { active: templates.length, retired: retired.map((row) => row.id) };
}
