import type { PrismaClient } from "@/lib/db";
import { randomJoinCode } from "./join-code";

/** A join code no course has yet (a collision is astronomically rare; a few tries settle it). */
export async function uniqueJoinCode(db: PrismaClient): Promise<string> {
  for (let attempt = 0; attempt < 10; attempt += 1) {
    const code = randomJoinCode();
    if (!(await db.course.findUnique({ where: { joinCode: code }, select: { id: true } }))) return code;
  }
  throw new Error("could not find an unused join code in 10 tries");
}
