import { z } from "zod";
import { isWallClock, MAX_TIME_LIMIT_MINUTES } from "@/lib/grading/assessments";
import { assessmentId, attemptId, courseId } from "../schemas";

/** Inputs of the gradebook procedures (issue 14), parsed once at the edge; every message names its field. */

/** A reason is what an auditor reads later: long enough for a sentence or two, short enough for a table. */
export const MAX_REASON_LENGTH = 500;

/** Far above any assessment's possible points (zones × questions × points); the service checks the real bound. */
const MAX_SCORE = 1_000_000;

const wallClock = z.string().max(16).refine(isWallClock, "must be a date and time as YYYY-MM-DDTHH:mm, in the course's time zone");

export const courseGradebookInput = z.object({ courseId });

export const gradebookAttemptInput = z.object({ attemptId });

export const overrideScoreInput = z.object({
  attemptId,
  score: z.number().finite("must be a number").min(0, "must be 0 or more").max(MAX_SCORE, `must be at most ${MAX_SCORE}`),
  reason: z.string().trim().min(1, "say why the score changes").max(MAX_REASON_LENGTH, `is at most ${MAX_REASON_LENGTH} characters`),
});
export type OverrideScoreInput = z.infer<typeof overrideScoreInput>;

export const accommodateInput = z.object({
  assessmentId,
  /** Stride's user ids are the auth library's strings, not always UUIDs. */
  userId: z.string().min(1, "must be the id of a learner of this course").max(200, "must be the id of a learner of this course"),
  /** Absent: unchanged; null: the assessment's own date again. */
  dueAt: wallClock.nullable().optional(),
  lateUntil: wallClock.nullable().optional(),
  extraMinutes: z.number().int("must be a whole number of minutes").min(0, "must be 0 or more").max(MAX_TIME_LIMIT_MINUTES, `is at most ${MAX_TIME_LIMIT_MINUTES} minutes`),
});
export type AccommodateInput = z.infer<typeof accommodateInput>;

export const assessmentStatisticsInput = z.object({ assessmentId });

export const gradebookCsvInput = z.object({
  courseId,
  format: z.enum(["canvas", "moodle"], { message: "must be canvas or moodle" }),
});
export type GradebookCsvFormat = z.infer<typeof gradebookCsvInput>["format"];
