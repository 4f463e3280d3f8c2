import type { PrismaClient } from "@/lib/db";
import type { BundleBank, QuestionDefinition } from "./question-content";

/**
 * A bank as the exchange formats see it: its live questions in order, each with every version
 * (so reviews of an old version can be replayed after an import) and whether it was published.
 * Keys are positions (`q1`, `q2`, …), not database ids, so export → import → export gives the
 * same file.
 */
export async function bankForExchange({ db, bankId }: { db: PrismaClient; bankId: string }): Promise<BundleBank> {
  const bank = await db.bank.findUniqueOrThrow({
    where: { id: bankId },
    include: {
      questions: {
        where: { archivedAt: null },
        orderBy: [{ position: "asc" }, { createdAt: "asc" }],
        include: { versions: { orderBy: { version: "asc" } } },
      },
    },
  });
  return {
    title: bank.title,
    questions: bank.questions.map((question, index) => ({
      key: `q${index + 1}`,
      versions: question.versions.map((version) => ({
        version: version.version,
        published: version.publishedAt !== null,
        definition: version.definition as QuestionDefinition,
      })),
    })),
  };
}
