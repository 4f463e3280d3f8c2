import type { PrismaClient } from "@/lib/db";
import { requireOwner } from "../courses/course-access";
import { definitionSummary, readBundle } from "./question-content";

/**
 * A bundle file imported into a course as a new bank at the end of its list: every question with
 * every version, published ones published again (the bundle's author validated them). A bad file
 * is refused whole, the message naming each bad path.
 */
export async function importBank({ db, userId, courseId, text, now }: { db: PrismaClient; userId: string; courseId: string; text: string; now: Date }) {
  await requireOwner({ db, courseId, userId });
  const bank = readBundle(text);
  const last = await db.bank.aggregate({ where: { courseId }, _max: { position: true } });
  const created = await db.$transaction(async (tx) => {
    const row = await tx.bank.create({ data: { courseId, title: bank.title, position: (last._max.position ?? -1) + 1 } });
    for (const [position, question] of bank.questions.entries()) {
      const latest = question.versions.at(-1)!;
      const published = question.versions.filter((version) => version.published).at(-1);
      await tx.question.create({
        data: {
          bankId: row.id,
          position,
          ...definitionSummary(latest.definition),
          latestVersion: latest.version,
          publishedVersion: published?.version ?? null,
          versions: {
            create: question.versions.map((version) => ({
              version: version.version,
              definition: version.definition,
              authorId: userId,
              publishedAt: version.published ? now : null,
            })),
          },
        },
      });
    }
    return row;
  });
  return { bankId: created.id, title: created.title, questions: bank.questions.length };
}
