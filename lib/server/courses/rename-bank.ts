import type { PrismaClient } from "@/lib/db";
import { requireBankOwner } from "./course-access";

export async function renameBank({ db, userId, bankId, title }: { db: PrismaClient; userId: string; bankId: string; title: string }) {
  await requireBankOwner({ db, bankId, userId });
  const bank = await db.bank.update({ where: { id: bankId }, data: { title } });
  return { id: bank.id, title: bank.title };
}
