import type { PrismaClient } from "@/lib/db";
import { type GradedTry, regradeQuestion } from "@/lib/grading/assessments";
import { requireOwner } from "../courses/course-access";
import { AppError } from "../errors";
import { questionTemplateId } from "../questions/template-id";
import type { Transaction } from "../reviews/learner-lock";
import { runTask } from "../workers/pool";
import { questionRulesOf } from "./assessment-rules";
import { effectiveScore } from "./question-state";

export interface RegradeOptions {
  db: PrismaClient;
  userId: string;
  assessmentId: string;
  questionId: string;
  /** Let a regrade lower a learner's points (off: a learner keeps what a wrong key gave them). */
  allowLower: boolean;
}

type Reader = PrismaClient | Transaction;

/**
 * Every stored try of the assessment's attempts at an older version of the question, graded again
 * against the version published now, with the same seed and the answer exactly as typed: a
 * variant is a pure function of its seed, so the fixed key is the key the learner should have had.
 * Returns one change per attempt question, with who it is and the points before and after.
 */
async function computeRegrade(db: Reader, { assessmentId, questionId, allowLower }: Omit<RegradeOptions, "db" | "userId">) {
  const question = await db.question.findUnique({ where: { id: questionId }, select: { publishedVersion: true } });
  const target = question?.publishedVersion ? await db.questionVersion.findUnique({ where: { questionId_version: { questionId, version: question.publishedVersion } } }) : null;
  if (!target) throw new AppError("BAD_INPUT", "questionId: this question has no published version to regrade against", { field: "questionId", reason: "regrade.noPublishedVersion" });
  const templateId = questionTemplateId(questionId);
  const stale = await db.attemptQuestion.findMany({
    where: { templateId, attempt: { assessmentId }, NOT: { questionVersionId: target.id } },
    include: { tries: { orderBy: { tryNumber: "asc" } }, attempt: { select: { id: true, user: { select: { id: true, name: true, email: true } }, assessment: { select: { kind: true } } } } },
    orderBy: [{ attempt: { startedAt: "asc" } }, { position: "asc" }],
  });
  const regradedScores = await gradeAgainst(target.definition, templateId, stale.flatMap((attemptQuestion) => attemptQuestion.tries));
  const changes = [];
  let graded = 0;
  for (const attemptQuestion of stale) {
    const rules = questionRulesOf(attemptQuestion.attempt.assessment.kind, attemptQuestion);
    const before: GradedTry[] = attemptQuestion.tries.map((attemptTry) => ({ score: effectiveScore(attemptTry), credit: attemptTry.credit }));
    const scores = regradedScores.slice(graded, graded + attemptQuestion.tries.length);
    graded += attemptQuestion.tries.length;
    const change = regradeQuestion(rules, before, scores.map((score, at) => ({ score, credit: before[at]!.credit })), allowLower);
    // The stored points may stand above the tries' best (an earlier regrade that did not lower them): they are what the learner has.
    const after = allowLower ? change.regraded : Math.max(attemptQuestion.awarded, change.after);
    // A question with no tries still moves to the fixed version, so its later tries use it.
    changes.push({
      attemptId: attemptQuestion.attempt.id,
      attemptQuestionId: attemptQuestion.id,
      position: attemptQuestion.position,
      fromVersionId: attemptQuestion.questionVersionId,
      learner: attemptQuestion.attempt.user,
      tries: attemptQuestion.tries.map((attemptTry, at) => ({ id: attemptTry.id, answer: attemptTry.answer, before: before[at]!.score, after: scores[at]! })),
      before: attemptQuestion.awarded,
      regraded: change.regraded,
      after,
      changed: after !== attemptQuestion.awarded,
    });
  }
  return { toVersionId: target.id, toVersion: target.version, changes };
}

/** Tries graded on the worker pool a batch at a time, so one large regrade never holds a thread long. */
const GRADING_BATCH = 500;

/**
 * Every try graded again against the fixed version, on a worker thread (lib/server/workers/tasks/
 * regrade-answers.ts): grading runs the engine, which must not stall the request thread or the
 * job worker's event loop. Answers one score per try, in order.
 */
async function gradeAgainst(definition: unknown, templateId: string, tries: { seed: number; lang: string; answer: string }[]): Promise<number[]> {
  const scores: number[] = [];
  for (let at = 0; at < tries.length; at += GRADING_BATCH) {
    const answers = tries.slice(at, at + GRADING_BATCH).map(({ seed, lang, answer }) => ({ seed, lang, answer }));
    scores.push(...(await runTask("regradeAnswers", { definition, templateId, answers })));
  }
  return scores;
}

/** The assessment's course, after checking that the user owns it (NOT_FOUND for anyone else's). */
export async function requireAssessmentOwner(db: PrismaClient, assessmentId: string, userId: string) {
  const assessment = await db.assessment.findUnique({ where: { id: assessmentId }, select: { courseId: true } });
  if (!assessment) throw new AppError("NOT_FOUND", "There is no such assessment.", { reason: "assessment.notFound" });
  await requireOwner({ db, courseId: assessment.courseId, userId });
  return assessment;
}

/** What a regrade would change, for the instructor to read before applying it. Writes nothing. */
export async function previewRegrade(options: RegradeOptions) {
  await requireAssessmentOwner(options.db, options.assessmentId, options.userId);
  const { toVersion, changes } = await computeRegrade(options.db, options);
  return {
    toVersion,
    affected: changes.length,
    changed: changes.filter((change) => change.changed).length,
    changes: changes.map((change) => ({
      attemptId: change.attemptId,
      position: change.position,
      learner: { name: change.learner.name, email: change.learner.email },
      answers: change.tries.map((attemptTry) => ({ answer: attemptTry.answer, before: attemptTry.before, after: attemptTry.after })),
      before: change.before,
      regraded: change.regraded,
      after: change.after,
      changed: change.changed,
    })),
  };
}

/**
 * Applies a regrade atomically: under one lock per assessment (two instructors, or a double click,
 * apply one after the other and the second finds nothing left to move), every try gets its
 * regraded score beside its original one, every question its new points and the fixed version,
 * and the Regrade with its changes records who, when, and each question's before and after.
 * Run by the regrade job (lib/server/jobs/regrade-assessment-job.ts), off any request; the
 * request only enqueues it (./regrade-request.ts).
 */
export async function applyRegrade(options: RegradeOptions & { now: Date }) {
  const { db, userId, assessmentId, questionId, allowLower, now } = options;
  await requireAssessmentOwner(db, assessmentId, userId);
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`stride.regrade:${assessmentId}`}, 0))`;
      const { toVersionId, toVersion, changes } = await computeRegrade(tx, { assessmentId, questionId, allowLower });
      if (changes.length === 0) return { regradeId: null, toVersion, affected: 0, changed: 0 };
      const regrade = await tx.regrade.create({
        data: { assessmentId, questionId, fromVersionId: changes[0]!.fromVersionId ?? toVersionId, toVersionId, allowLower, byUserId: userId, appliedAt: now },
      });
      for (const change of changes) {
        for (const attemptTry of change.tries) await tx.attemptTry.update({ where: { id: attemptTry.id }, data: { regradedScore: attemptTry.after } });
        await tx.attemptQuestion.update({ where: { id: change.attemptQuestionId }, data: { awarded: change.after, questionVersionId: toVersionId } });
        await tx.regradeChange.create({ data: { regradeId: regrade.id, attemptQuestionId: change.attemptQuestionId, before: change.before, after: change.after } });
      }
      return { regradeId: regrade.id, toVersion, affected: changes.length, changed: changes.filter((change) => change.changed).length };
    },
    { maxWait: 15_000, timeout: 60_000 },
  );
}
