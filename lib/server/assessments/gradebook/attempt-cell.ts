import { assessmentScore, effectiveDates, type AnswerSchedule, type AssessmentScore, type LearnerOverride } from "@/lib/grading/assessments";

/**
 * One learner's standing on one assessment, as the gradebook shows it: the score (an instructor's
 * latest override replaces the questions' total; both are returned), the status, the time spent
 * and whether anything was late. The attempt must already be settled (closed if its time is up).
 */
export type AttemptStatus = "not-started" | "in-progress" | "submitted";

export interface GradebookScore extends AssessmentScore {
  /** The questions' total, whatever an override says. */
  computed: number;
}

export interface AttemptCell {
  attemptId: string | null;
  status: AttemptStatus;
  score: GradebookScore | null;
  startedAt: Date | null;
  finishedAt: Date | null;
  finishedBy: "learner" | "time" | null;
  /**
   * Seconds spent: on a timed attempt the clock runs from the start to the finish (or now);
   * an untimed one counts to the learner's own finish, else to their last answer, so a homework
   * left open for a week does not read as a week's work.
   */
  secondsSpent: number | null;
  /** A try kept less than full credit, or the learner finished after their due date. */
  late: boolean;
  overridden: boolean;
}

export interface SettledAttemptRow {
  id: string;
  startedAt: Date;
  finishedAt: Date | null;
  finishedBy: string | null;
  questions: readonly { awarded: number; points: number; tries: readonly { credit: number; answeredAt: Date }[] }[];
}

export function gradebookScore(questions: readonly { awarded: number; points: number }[], override: number | null): GradebookScore {
  return { ...assessmentScore(questions, override), computed: assessmentScore(questions).awarded };
}

export function attemptCell(attempt: SettledAttemptRow | null, schedule: AnswerSchedule, override: LearnerOverride | null, scoreOverride: number | null, now: Date): AttemptCell {
  if (!attempt) {
    return { attemptId: null, status: "not-started", score: null, startedAt: null, finishedAt: null, finishedBy: null, secondsSpent: null, late: false, overridden: false };
  }
  const { dueAt } = effectiveDates(schedule, override);
  const timed = schedule.timeLimitMinutes !== null;
  const end = timed ? (attempt.finishedAt ?? now) : attempt.finishedBy === "learner" && attempt.finishedAt ? attempt.finishedAt : lastAnswerAt(attempt);
  const lateTry = attempt.questions.some((question) => question.tries.some((attemptTry) => attemptTry.credit < 1));
  // Only the learner's own finish counts: an attempt the server closed at the end of the late
  // period says nothing about when the learner worked (their tries' credit does).
  const finishedLate = attempt.finishedBy === "learner" && attempt.finishedAt !== null && dueAt !== null && attempt.finishedAt > dueAt;
  return {
    attemptId: attempt.id,
    status: attempt.finishedAt ? "submitted" : "in-progress",
    score: gradebookScore(attempt.questions, scoreOverride),
    startedAt: attempt.startedAt,
    finishedAt: attempt.finishedAt,
    finishedBy: attempt.finishedBy === "learner" || attempt.finishedBy === "time" ? attempt.finishedBy : null,
    secondsSpent: end ? Math.max(0, Math.round((end.getTime() - attempt.startedAt.getTime()) / 1000)) : null,
    late: lateTry || finishedLate,
    overridden: scoreOverride !== null,
  };
}

function lastAnswerAt(attempt: SettledAttemptRow): Date | null {
  let last: Date | null = null;
  for (const question of attempt.questions) for (const attemptTry of question.tries) if (!last || attemptTry.answeredAt > last) last = attemptTry.answeredAt;
  return last;
}
