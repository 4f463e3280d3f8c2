import type { PrismaClient } from "@/lib/db";
import { attemptDeadline } from "@/lib/grading/assessments";
import { checkNumbers } from "@/lib/questions";
import { requireOwner } from "../../courses/course-access";
import { AppError } from "../../errors";
import { variantVariables } from "../../questions/question-content";
import { questionIdOf } from "../../questions/template-id";
import { builtInProblem } from "../../reviews/variant-problem";
import { discrimination, mean } from "../../statistics/item-maths";
import { overrideOf, scheduleOf } from "../assessment-rules";
import { closeIfTimeIsUp } from "../load-attempt";
import { effectiveScore } from "../question-state";
import { gradebookScore } from "./attempt-cell";
import { parameterRegions, type RegionSample } from "./parameter-regions";
import { courseQuestionTitles, questionTitle } from "./question-title";
import { scoreDistribution } from "./score-distribution";

/**
 * An assessment's statistics over its submitted attempts (a running attempt's score is not yet a
 * score): the distribution of the attempts' percentages (an override counts as the attempt's score,
 * as in the gradebook), and per question (a built-in skill or a course question, however many
 * learners drew it) its facility, the mean share of its points the learners hold, its
 * discrimination (the corrected item–total correlation of lib/server/statistics/item-maths.ts over
 * the learners' shares), and its tries by parameter region, each variant rebuilt from its seed.
 */
export async function assessmentStatistics({ db, userId, assessmentId, now }: { db: PrismaClient; userId: string; assessmentId: string; now: Date }) {
  const assessment = await db.assessment.findUnique({ where: { id: assessmentId }, include: { overrides: true } });
  if (!assessment || assessment.archivedAt) throw new AppError("NOT_FOUND", "There is no such assessment.", { reason: "assessment.notFound" });
  await requireOwner({ db, courseId: assessment.courseId, userId });
  const learners = await db.courseMember.findMany({ where: { courseId: assessment.courseId, role: "learner" }, select: { userId: true } });
  const attempts = await db.assessmentAttempt.findMany({
    where: { assessmentId, userId: { in: learners.map((learner) => learner.userId) } },
    include: {
      questions: { orderBy: { position: "asc" }, include: { tries: { orderBy: { tryNumber: "asc" }, include: { questionVersion: { select: { definition: true } } } } } },
      scoreOverrides: { orderBy: { createdAt: "desc" }, take: 1, select: { score: true } },
    },
  });
  const schedule = scheduleOf(assessment);
  const submitted: typeof attempts = [];
  for (const attempt of attempts) {
    const override = overrideOf(assessment.overrides.find((row) => row.userId === attempt.userId));
    const finishedAt = attempt.finishedAt ?? (await closeIfTimeIsUp(db, attempt, attemptDeadline(schedule, override, attempt.startedAt), now));
    if (finishedAt) submitted.push(attempt);
  }

  const distribution = scoreDistribution(submitted.map((attempt) => gradebookScore(attempt.questions, attempt.scoreOverrides[0]?.score ?? null).percent));

  // Each learner's share of the points per question, the input of discrimination.
  const shares = new Map<string, Map<string, number[]>>();
  for (const attempt of submitted) {
    const items = shares.get(attempt.userId) ?? new Map<string, number[]>();
    for (const question of attempt.questions) {
      if (question.points <= 0) continue;
      items.set(question.templateId, [...(items.get(question.templateId) ?? []), question.awarded / question.points]);
    }
    shares.set(attempt.userId, items);
  }
  const learnerMeans = new Map([...shares].map(([learnerId, items]) => [learnerId, new Map([...items].map(([item, values]) => [item, mean(values)!]))]));

  const templateIds = [...new Set(submitted.flatMap((attempt) => attempt.questions.map((question) => question.templateId)))];
  const titles = await courseQuestionTitles(db, templateIds);
  const questions = templateIds.map((templateId) => {
    const drawn = submitted.flatMap((attempt) => attempt.questions.filter((question) => question.templateId === templateId));
    const tries = drawn.flatMap((question) => question.tries);
    const samples: RegionSample[] = tries.map((attemptTry) => ({ variables: variablesOf(templateId, attemptTry.seed, attemptTry.questionVersion?.definition ?? null), score: effectiveScore(attemptTry) }));
    return {
      templateId,
      title: questionTitle(templateId, titles),
      drawn: drawn.length,
      tries: tries.length,
      facility: mean(drawn.filter((question) => question.points > 0).map((question) => question.awarded / question.points)),
      discrimination: discrimination(templateId, learnerMeans),
      regions: parameterRegions(samples),
    };
  });

  return {
    assessmentId,
    started: attempts.length,
    submitted: submitted.length,
    distribution,
    questions,
  };
}

/** A try's variant parameters: a built-in skill's check numbers, or a course question's variables, from the version it was asked in. */
function variablesOf(templateId: string, seed: number, definition: unknown): Record<string, number | boolean | string> | null {
  if (questionIdOf(templateId) === null) {
    try {
      return checkNumbers(builtInProblem(templateId, seed, "en").check);
    } catch {
      // A template retired since has no parameters to read; its tries still count everywhere else.
      return null;
    }
  }
  return definition === null ? null : variantVariables(definition, { templateId, seed });
}
