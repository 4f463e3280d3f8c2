import type { PrismaClient } from "@/lib/db";
import { getTemplate } from "@/lib/problems";
import { questionTemplateId } from "../questions/template-id";

/**
 * What an assessment's zones may draw from in one course: its published, unarchived questions
 * (with the version a new attempt gets) and the built-in skills. Read once per save or start.
 */
export interface CoursePool {
  /** Published questions by id: their template id, bank and the version an attempt draws now. */
  questions: Map<string, { templateId: string; bankId: string; versionId: string; title: string }>;
  /** Each bank's published questions, in the bank's order. */
  banks: Map<string, string[]>;
}

export async function coursePool(db: PrismaClient, courseId: string): Promise<CoursePool> {
  const rows = await db.question.findMany({
    where: { archivedAt: null, publishedVersion: { not: null }, bank: { courseId } },
    orderBy: [{ bank: { position: "asc" } }, { position: "asc" }],
    select: { id: true, bankId: true, title: true, publishedVersion: true, versions: { where: { publishedAt: { not: null } }, select: { id: true, version: true } } },
  });
  const questions: CoursePool["questions"] = new Map();
  const banks: CoursePool["banks"] = new Map();
  for (const row of rows) {
    const version = row.versions.find((candidate) => candidate.version === row.publishedVersion);
    if (!version) continue;
    questions.set(row.id, { templateId: questionTemplateId(row.id), bankId: row.bankId, versionId: version.id, title: row.title });
    banks.set(row.bankId, [...(banks.get(row.bankId) ?? []), row.id]);
  }
  return { questions, banks };
}

/** A stored pool entry: a built-in skill or one question (banks are expanded when saved). */
export type StoredPoolEntry = { template: string } | { question: string };

/** The template id and version an attempt draws for an entry, or null when it can no longer be drawn. */
export function drawable(entry: StoredPoolEntry, pool: CoursePool): { templateId: string; questionVersionId: string | null } | null {
  if ("template" in entry) return getTemplate(entry.template) ? { templateId: entry.template, questionVersionId: null } : null;
  const question = pool.questions.get(entry.question);
  return question ? { templateId: question.templateId, questionVersionId: question.versionId } : null;
}
