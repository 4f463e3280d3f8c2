import type { PrismaClient } from "@/lib/db";
import { requireBankOwner } from "../courses/course-access";
import { issueFailureSummaries } from "../reviews/issue-failure-summary";
import type { ValidationSummary } from "./question-content";
import { questionState } from "./question-state";

/**
 * A bank's questions in order, for its authors: state, versions, the latest validation, and how
 * often learners' queues had to skip the published version because it could not be built.
 */
export async function listQuestions({ db, userId, bankId, archived = false }: { db: PrismaClient; userId: string; bankId: string; archived?: boolean }) {
  await requireBankOwner({ db, bankId, userId });
  const questions = await db.question.findMany({
    where: { bankId, ...(archived ? {} : { archivedAt: null }) },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    include: { versions: { orderBy: { version: "desc" }, take: 1, select: { version: true, validation: true, definition: true } } },
  });
  const failures = await issueFailureSummaries(db, questions);
  return questions.map((question) => ({
    id: question.id,
    kind: question.kind,
    title: question.title,
    topic: question.topic,
    position: question.position,
    state: questionState(question),
    publishedVersion: question.publishedVersion,
    latestVersion: question.latestVersion,
    archived: question.archivedAt !== null,
    definition: question.versions[0]?.definition ?? null,
    validation: (question.versions[0]?.validation ?? null) as ValidationSummary | null,
    issueFailures: failures.get(question.id) ?? null,
  }));
}
