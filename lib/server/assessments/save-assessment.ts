import type { PrismaClient } from "@/lib/db";
import { checkQuestionRules, checkSchedule, checkZones, instantOf, type RuleProblem } from "@/lib/grading/assessments";
import { getTemplate } from "@/lib/problems";
import { requireOwner } from "../courses/course-access";
import { AppError } from "../errors";
import { requestAssessmentScoreSyncs } from "../lti/score-sync";
import { coursePool, type StoredPoolEntry } from "./course-pool";
import type { SaveAssessmentInput } from "./schemas";

function refuse(problems: readonly RuleProblem[]): never {
  const first = problems[0]!;
  const fieldReasons = problems.map(({ field, reason, params }) => ({ field, reason, ...(params ? { params } : {}) }));
  throw new AppError("BAD_INPUT", problems.map((problem) => `${problem.field}: ${problem.message}`).join("; "), { field: first.field, reason: "assessment.rulesBroken", fieldReasons });
}

/**
 * Creates or changes an assessment of a course the user owns. Dates arrive as the course's wall
 * clock and are stored as instants; whole banks are expanded into their published questions; every
 * rule is checked with the field named. Attempts already started keep the questions and points
 * they drew: a change applies to attempts started after it. A change of when learners see their
 * score (the review option, the due date, the late period) sends the scores already passed back
 * to an LMS again, so the LMS shows or holds them as learners' own pages do.
 */
export async function saveAssessment({ db, userId, input, now }: { db: PrismaClient; userId: string; input: SaveAssessmentInput; now: Date }) {
  await requireOwner({ db, courseId: input.courseId, userId });
  const course = await db.course.findUniqueOrThrow({ where: { id: input.courseId }, select: { timeZone: true } });
  if (input.assessmentId) {
    const existing = await db.assessment.findUnique({ where: { id: input.assessmentId }, select: { courseId: true } });
    if (!existing || existing.courseId !== input.courseId) throw new AppError("NOT_FOUND", "There is no such assessment in this course.", { reason: "assessment.notFound" });
  }

  const instant = (wallClock: string | null) => (wallClock === null ? null : instantOf(wallClock, course.timeZone));
  const schedule = {
    opensAt: instant(input.opensAt),
    dueAt: instant(input.dueAt),
    lateUntil: instant(input.lateUntil),
    lateCredit: input.lateCredit,
    timeLimitMinutes: input.timeLimitMinutes,
  };
  const problems: RuleProblem[] = [...checkSchedule(schedule)];
  if (input.kind === "homework" && input.timeLimitMinutes !== null) problems.push({ field: "timeLimitMinutes", message: "only an exam has a time limit", reason: "rules.examOnlyTimeLimit" });
  if (input.kind === "homework" && input.gradeAtEnd) problems.push({ field: "gradeAtEnd", message: "only an exam can hold its feedback until the end", reason: "rules.examOnlyGradeAtEnd" });

  const pool = await coursePool(db, input.courseId);
  const zones = input.zones.map((zone, at) => {
    for (const problem of checkQuestionRules({ kind: input.kind, points: zone.points, pointsPerTry: zone.pointsPerTry })) {
      problems.push({ ...problem, field: `zones.${at}.${problem.field}` });
    }
    const entries: StoredPoolEntry[] = [];
    zone.pool.forEach((entry, index) => {
      const field = `zones.${at}.pool.${index}`;
      if ("bank" in entry) {
        const questions = pool.banks.get(entry.bank);
        if (!questions) problems.push({ field, message: "is not a bank of this course with published questions", reason: "rules.notABank" });
        else entries.push(...questions.map((question) => ({ question })));
      } else if ("question" in entry) {
        if (!pool.questions.has(entry.question)) problems.push({ field, message: "is not a published question of this course", reason: "rules.notAQuestion" });
        else entries.push({ question: entry.question });
      } else if (!getTemplate(entry.template)) {
        problems.push({ field, message: `there is no built-in skill ${JSON.stringify(entry.template)}`, reason: "rules.noSuchSkill", params: { skill: entry.template } });
      } else entries.push({ template: entry.template });
    });
    // The same question twice in a zone would let one attempt draw it twice.
    const unique = [...new Map(entries.map((entry) => [JSON.stringify(entry), entry])).values()];
    return { ...zone, pool: unique };
  });
  if (problems.length === 0) problems.push(...checkZones(zones));
  if (problems.length > 0) refuse(problems);

  const countsForReview = input.countsForReview ?? input.kind === "homework";
  const data = {
    titleEn: input.titleEn,
    titleZh: input.titleZh || null,
    kind: input.kind,
    ...schedule,
    timeLimitMinutes: input.kind === "exam" ? input.timeLimitMinutes : null,
    honourPledge: input.honourPledge,
    gradeAtEnd: input.kind === "exam" && input.gradeAtEnd,
    showScore: input.showScore,
    showCorrectness: input.showCorrectness,
    showSolution: input.showSolution,
    countsForReview,
  };
  const zoneRows = zones.map((zone, position) => ({
    position,
    titleEn: zone.titleEn || null,
    titleZh: zone.titleZh || null,
    pool: zone.pool,
    draw: zone.draw,
    points: zone.points,
    pointsPerTry: zone.pointsPerTry ?? undefined,
    shuffle: zone.shuffle,
  }));

  const saved = await db.$transaction(async (tx) => {
    if (input.assessmentId) {
      // Held to the commit: a second save of the same assessment (another tab, a co-owner) waits,
      // then replaces these zones whole. Without it, its delete ran on what it saw before this
      // commit and its zones collided with these on their positions (a 500 on PostgreSQL).
      await tx.$queryRaw`SELECT "id" FROM "assessments" WHERE "id" = ${input.assessmentId} FOR UPDATE`;
      const current = await tx.assessment.findUniqueOrThrow({ where: { id: input.assessmentId }, select: { publishedAt: true, showScore: true, dueAt: true, lateUntil: true } });
      await tx.assessmentZone.deleteMany({ where: { assessmentId: input.assessmentId } });
      const saved = await tx.assessment.update({
        where: { id: input.assessmentId },
        data: { ...data, publishedAt: input.published ? (current.publishedAt ?? now) : null, zones: { create: zoneRows } },
      });
      const sameInstant = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);
      const scoreShownChanged = current.showScore !== data.showScore || !sameInstant(current.dueAt, data.dueAt) || !sameInstant(current.lateUntil, data.lateUntil);
      return { id: saved.id, scoreShownChanged };
    }
    const last = await tx.assessment.aggregate({ where: { courseId: input.courseId }, _max: { position: true } });
    const saved = await tx.assessment.create({
      data: { ...data, courseId: input.courseId, position: (last._max.position ?? -1) + 1, publishedAt: input.published ? now : null, zones: { create: zoneRows } },
    });
    return { id: saved.id, scoreShownChanged: false };
  });
  // After the commit, so the sends read the new setting; a sync racing this one is coalesced by its row.
  if (saved.scoreShownChanged) await requestAssessmentScoreSyncs(db, saved.id, now);
  return { id: saved.id };
}
