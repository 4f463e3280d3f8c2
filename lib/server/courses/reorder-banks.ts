import type { PrismaClient } from "@/lib/db";
import { AppError } from "../errors";
import { requireOwner } from "./course-access";

/** Puts the course's banks in the order given, which must name each of them exactly once. */
export async function reorderBanks({ db, userId, courseId, bankIds }: { db: PrismaClient; userId: string; courseId: string; bankIds: string[] }) {
  await requireOwner({ db, courseId, userId });
  const banks = await db.bank.findMany({ where: { courseId }, select: { id: true } });
  const known = new Set(banks.map((bank) => bank.id));
  if (bankIds.length !== known.size || new Set(bankIds).size !== bankIds.length || !bankIds.every((id) => known.has(id))) {
    throw new AppError("BAD_INPUT", "List each of the course's banks exactly once.", { reason: "course.banksChanged" });
  }
  await db.$transaction(bankIds.map((id, position) => db.bank.update({ where: { id }, data: { position } })));
  return { bankIds };
}
