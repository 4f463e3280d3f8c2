import type { PrismaClient } from "@/lib/db";

export interface IssueFailureSummary {
  /** Failed attempts to build a variant of the published version for a learner. */
  count: number;
  latestMessage: string;
  latestAt: Date;
}

/**
 * For an instructor's question list: how often each question's published version could not be
 * built when a learner's queue reached it, and the latest message. Failures of older versions
 * are left out, so publishing a fix clears the warning.
 */
export async function issueFailureSummaries(
  db: PrismaClient,
  questions: readonly { id: string; publishedVersion: number | null }[],
): Promise<Map<string, IssueFailureSummary>> {
  const published = questions.flatMap((question) => (question.publishedVersion === null ? [] : [{ questionId: question.id, version: question.publishedVersion }]));
  if (published.length === 0) return new Map();
  const versions = await db.questionVersion.findMany({ where: { OR: published }, select: { id: true, questionId: true } });
  const questionOf = new Map(versions.map((version) => [version.id, version.questionId]));
  const versionIds = [...questionOf.keys()];
  if (versionIds.length === 0) return new Map();
  const [counts, latest] = await Promise.all([
    db.issueFailure.groupBy({ by: ["questionVersionId"], where: { questionVersionId: { in: versionIds } }, _count: { _all: true } }),
    db.issueFailure.findMany({
      where: { questionVersionId: { in: versionIds } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      distinct: ["questionVersionId"],
      select: { questionVersionId: true, message: true, createdAt: true },
    }),
  ]);
  const latestOf = new Map(latest.map((row) => [row.questionVersionId, row]));
  const summaries = new Map<string, IssueFailureSummary>();
  for (const row of counts) {
    const newest = latestOf.get(row.questionVersionId);
    const questionId = row.questionVersionId ? questionOf.get(row.questionVersionId) : undefined;
    if (!newest || !questionId) continue;
    summaries.set(questionId, { count: row._count._all, latestMessage: newest.message, latestAt: newest.createdAt });
  }
  return summaries;
}
