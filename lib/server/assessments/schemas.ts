import { z } from "zod";
import { isWallClock, MAX_POOL_SIZE, MAX_QUESTION_POINTS, MAX_TIME_LIMIT_MINUTES, MAX_TRY_VALUES, MAX_ZONES } from "@/lib/grading/assessments";

/** Inputs of the assessment procedures, parsed once at the edge (issue 14). */
const id = (what: string) => z.string().uuid(`must be the id of ${what}`);

export const courseId = id("a course");
export const assessmentId = id("an assessment");
export const attemptId = id("an attempt");

const title = (max: number) => z.string().trim().min(1, "cannot be empty").max(max, `is at most ${max} characters`);

/** A date and time as the course's clocks show it; the server applies the course's time zone. */
const wallClock = z.string().max(16).refine(isWallClock, "must be a date and time as YYYY-MM-DDTHH:mm, in the course's time zone");

const shownWhen = z.enum(["immediately", "after-close", "never"], { message: "must be immediately, after-close or never" });

/** A built-in skill, a question of the course's banks, or a whole bank (expanded when saved). */
export const poolEntry = z.union(
  [z.object({ template: z.string().min(1).max(200) }).strict(), z.object({ question: id("a question of this course") }).strict(), z.object({ bank: id("a bank of this course") }).strict()],
  { message: 'each entry is {"template": id}, {"question": id} or {"bank": id}' },
);
export type PoolEntry = z.infer<typeof poolEntry>;

export const zoneInput = z.object({
  titleEn: z.string().trim().max(200).optional(),
  titleZh: z.string().trim().max(200).optional(),
  pool: z.array(poolEntry).min(1, "add at least one question to draw from").max(MAX_POOL_SIZE),
  draw: z.number().int("must be a whole number").min(1).max(MAX_POOL_SIZE),
  points: z.number().positive("must be above 0").max(MAX_QUESTION_POINTS),
  pointsPerTry: z.array(z.number().min(0).max(MAX_QUESTION_POINTS)).min(1).max(MAX_TRY_VALUES).nullable().default(null),
  shuffle: z.boolean().default(false),
});

export const saveAssessmentInput = z.object({
  courseId,
  /** Absent to create one; an assessment of the course to change it. */
  assessmentId: assessmentId.optional(),
  titleEn: title(200),
  titleZh: z.string().trim().max(200).optional(),
  kind: z.enum(["homework", "exam"], { message: "must be homework or exam" }),
  zones: z.array(zoneInput).min(1, "add at least one zone").max(MAX_ZONES),
  opensAt: wallClock.nullable().default(null),
  dueAt: wallClock.nullable().default(null),
  lateUntil: wallClock.nullable().default(null),
  lateCredit: z.number().min(0).max(1).default(0),
  timeLimitMinutes: z.number().int("must be a whole number of minutes").min(1).max(MAX_TIME_LIMIT_MINUTES).nullable().default(null),
  honourPledge: z.boolean().default(false),
  gradeAtEnd: z.boolean().default(false),
  showScore: shownWhen.default("immediately"),
  showCorrectness: shownWhen.default("immediately"),
  showSolution: shownWhen.default("immediately"),
  /** Whether answers also move the learners' FSRS cards; on for homework, off for exams, unless given. */
  countsForReview: z.boolean().optional(),
  published: z.boolean().default(false),
});
export type SaveAssessmentInput = z.infer<typeof saveAssessmentInput>;

export const startInput = z.object({
  assessmentId,
  /** The learner ticked the honour pledge (required when the assessment asks for one). */
  pledge: z.boolean().default(false),
});

export const questionInput = z.object({ attemptId, position: z.number().int().min(0).max(10_000) });

/** Longer than any answer a problem asks for (review.submit's limit). */
export const MAX_ANSWER_LENGTH = 1000;

export const answerInput = z.object({
  attemptId,
  position: questionInput.shape.position,
  /** The try this answers (from 0), as the question's page showed it: a repeated submit of a try counts once. */
  tryNumber: z.number().int().min(0).max(10_000),
  answer: z
    .string()
    .max(MAX_ANSWER_LENGTH, `an answer is at most ${MAX_ANSWER_LENGTH} characters`)
    .refine((answer) => answer.trim().length > 0, "type an answer before submitting"),
});

export const regradeInput = z.object({
  assessmentId,
  /** The course question whose published version fixed a key. */
  questionId: id("a question of this course"),
  allowLower: z.boolean().default(false),
});
