import type { PrismaClient } from "@/lib/db";
import { requireBankOwner } from "../courses/course-access";
import { definitionSummary, parseDefinition } from "./question-content";

/** A new question at the end of the bank: version 1, a draft until validated and published. */
export async function createQuestion({ db, userId, bankId, definition }: { db: PrismaClient; userId: string; bankId: string; definition: unknown }) {
  await requireBankOwner({ db, bankId, userId });
  const parsed = parseDefinition(definition);
  const last = await db.question.aggregate({ where: { bankId }, _max: { position: true } });
  const question = await db.question.create({
    data: {
      bankId,
      ...definitionSummary(parsed),
      position: (last._max.position ?? -1) + 1,
      latestVersion: 1,
      versions: { create: { version: 1, definition: parsed, authorId: userId } },
    },
  });
  return { id: question.id, version: 1, state: "draft" as const };
}
