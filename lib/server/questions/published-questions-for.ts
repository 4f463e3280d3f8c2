import type { PrismaClient } from "@/lib/db";
import { questionTemplateId } from "./template-id";

/**
 * The course questions a learner reviews: the published, unarchived questions of every course
 * they are a learner of (an owner's own courses are not in their queue), in course, bank and
 * question order, each with the version a new variant is built from, its course's title (the
 * label a learner sees beside the question) and its bank (practice of one bank).
 */
export async function publishedQuestionsFor({ db, userId }: { db: PrismaClient; userId: string }) {
  const questions = await db.question.findMany({
    where: {
      archivedAt: null,
      publishedVersion: { not: null },
      bank: { course: { archivedAt: null, members: { some: { userId, role: "learner" } } } },
    },
    orderBy: [{ bank: { course: { createdAt: "asc" } } }, { bank: { position: "asc" } }, { position: "asc" }],
    include: { versions: { where: { publishedAt: { not: null } }, select: { id: true, version: true } }, bank: { select: { id: true, title: true, courseId: true, course: { select: { title: true } } } } },
  });
  return questions.flatMap((question) => {
    const published = question.versions.find((version) => version.version === question.publishedVersion);
    if (!published) return [];
    return [{ templateId: questionTemplateId(question.id), questionVersionId: published.id, version: published.version, courseId: question.bank.courseId, courseTitle: question.bank.course.title, bankId: question.bank.id, bankTitle: question.bank.title, topic: question.topic, title: question.title }];
  });
}
