import type { PrismaClient } from "@/lib/db";
import { medianAnswerMs } from "@/lib/srs";

// The recent right answers are what "usual" means for a skill; older ones add little.
const SAMPLE_SIZE = 200;

/** The median time of right answers to a template, over every learner (lib/srs `medianAnswerMs`). */
export async function medianAnswerTime(db: PrismaClient, templateId: string, answerKind: string): Promise<number> {
  const rows = await db.review.findMany({
    where: { templateId, correct: true },
    orderBy: { reviewedAt: "desc" },
    take: SAMPLE_SIZE,
    select: { elapsedMs: true },
  });
  return medianAnswerMs(
    rows.map((row) => row.elapsedMs),
    answerKind,
  );
}
