import type { PrismaClient } from "@/lib/db";
import { answerWindow, drawQuestions } from "@/lib/grading/assessments";
import { requireMember } from "../courses/course-access";
import { AppError } from "../errors";
import type { SeedSource } from "../reviews/random-seed";
import { uniqueViolationOf } from "../reviews/unique-violation";
import { overrideOf, scheduleOf } from "./assessment-rules";
import { coursePool, drawable, type StoredPoolEntry } from "./course-pool";
import { newSeedKey as defaultSeedKey, type SeedKeySource } from "./variant-seed";

/**
 * A published assessment of a course the user learns in, for its learners; NOT_FOUND otherwise
 * (a draft, another course's, an archived one), so nobody learns which ids exist.
 */
export async function learnersAssessment(db: PrismaClient, assessmentId: string, userId: string, now: Date) {
  const assessment = await db.assessment.findUnique({
    where: { id: assessmentId },
    include: { zones: { orderBy: { position: "asc" } }, overrides: { where: { userId } } },
  });
  if (!assessment || assessment.archivedAt || !assessment.publishedAt || assessment.publishedAt > now) {
    throw new AppError("NOT_FOUND", "There is no such assessment in your courses.", { reason: "assessment.notInYourCourses" });
  }
  const role = await requireMember({ db, courseId: assessment.courseId, userId }).catch(() => null);
  if (role === null) throw new AppError("NOT_FOUND", "There is no such assessment in your courses.", { reason: "assessment.notInYourCourses" });
  if (role !== "learner") throw new AppError("FORBIDDEN", "Instructors see their assessments in the gradebook; only the course's learners take them.", { reason: "assessment.learnersOnly" });
  return assessment;
}

/**
 * Starts the learner's one attempt at an assessment, or returns the one they have: the attempt is
 * unique per learner, so a reload, a second tab or two racing clicks all find the same attempt
 * and the same questions. Its questions are drawn from the zones by the attempt's seed, each with
 * the version of a course question published now and the points of its zone; their variants come
 * from the attempt's secret seed key (./variant-seed.ts), made here and kept on the server.
 */
export async function startAttempt({
  db,
  userId,
  assessmentId,
  pledge,
  now,
  randomSeed,
  newSeedKey = defaultSeedKey,
}: {
  db: PrismaClient;
  userId: string;
  assessmentId: string;
  pledge: boolean;
  now: Date;
  randomSeed: SeedSource;
  /** 128 random bits by default; the demo passes its own so that its class comes out the same each time. */
  newSeedKey?: SeedKeySource;
}) {
  const assessment = await learnersAssessment(db, assessmentId, userId, now);
  const existing = await db.assessmentAttempt.findUnique({ where: { assessmentId_userId: { assessmentId, userId } }, select: { id: true } });
  if (existing) return { attemptId: existing.id, started: false };

  const window = answerWindow(scheduleOf(assessment), overrideOf(assessment.overrides[0]), now);
  if (window.status === "not-open") throw new AppError("CONFLICT", "This assessment has not opened yet.", { reason: "assessment.notOpen" });
  if (window.status === "closed") throw new AppError("CONFLICT", "This assessment has closed: it no longer takes answers.", { reason: "assessment.closed" });
  if (assessment.honourPledge && !pledge) throw new AppError("BAD_INPUT", "pledge: confirm the honour pledge to start this exam", { field: "pledge", reason: "assessment.pledgeNeeded" });

  // A question unpublished or archived since the assessment was saved is left out of new draws.
  const pool = await coursePool(db, assessment.courseId);
  const zones = assessment.zones.map((zone, index) => {
    const items = (zone.pool as StoredPoolEntry[]).flatMap((entry) => {
      const found = drawable(entry, pool);
      return found ? [found] : [];
    });
    return { index, items, draw: Math.min(zone.draw, items.length), shuffle: zone.shuffle, points: zone.points, pointsPerTry: zone.pointsPerTry };
  });
  const usedZones = zones.filter((zone) => zone.draw > 0);
  const seed = randomSeed();
  const drawn = drawQuestions(
    usedZones.map((zone) => ({ pool: zone.items, draw: zone.draw, shuffle: zone.shuffle })),
    seed,
  );
  if (drawn.length === 0) throw new AppError("CONFLICT", "This assessment has no questions that can be drawn: tell your instructor.", { reason: "assessment.nothingToDraw" });

  try {
    const attempt = await db.$transaction(async (tx) => {
      const created = await tx.assessmentAttempt.create({ data: { assessmentId, userId, seed, seedKey: newSeedKey(), startedAt: now, pledgedAt: assessment.honourPledge ? now : null }, select: { id: true } });
      await tx.attemptQuestion.createMany({
        data: drawn.map((question, position) => {
          const zone = usedZones[question.zone]!;
          return {
            attemptId: created.id,
            position,
            zone: zone.index,
            templateId: question.item.templateId,
            questionVersionId: question.item.questionVersionId,
            points: zone.points,
            pointsPerTry: zone.pointsPerTry ?? undefined,
          };
        }),
      });
      return created;
    });
    return { attemptId: attempt.id, started: true };
  } catch (error) {
    if (uniqueViolationOf(error) === null) throw error;
    // Another request started it first: theirs is the learner's attempt.
    const winner = await db.assessmentAttempt.findUniqueOrThrow({ where: { assessmentId_userId: { assessmentId, userId } }, select: { id: true } });
    return { attemptId: winner.id, started: false };
  }
}
