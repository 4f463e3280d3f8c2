import type { PrismaClient } from "@/lib/db";
import { requireOwner } from "../courses/course-access";
import { toCsv } from "../progress/csv";
import { loadCourseHistory } from "./course-history";
import { learnerItemMeans, itemStatistics } from "./item-statistics";

export type StatisticsCsv = "grades" | "items";

/** Scores and correlations to 4 decimals: more than a gradebook shows, no float noise. */
const round = (value: number | null) => (value === null ? null : Math.round(value * 10_000) / 10_000);

/**
 * A spreadsheet of the course: "grades" (a row per learner, a column per question, the learner's
 * mean score on it; empty where never answered) or "items" (a row per question with its item
 * statistics). RFC 4180, formula-guarded, with a UTF-8 byte-order mark (lib/server/progress/csv.ts).
 */
export async function exportStatisticsCsv({ db, userId, courseId, what }: { db: PrismaClient; userId: string; courseId: string; what: StatisticsCsv }) {
  await requireOwner({ db, courseId, userId });
  const history = await loadCourseHistory({ db, courseId });
  const body = what === "grades" ? gradesCsv(history) : itemsCsv(history);
  return { body, contentType: "text/csv; charset=utf-8", filename: `course-${what}.csv` };
}

function gradesCsv(history: Awaited<ReturnType<typeof loadCourseHistory>>): string {
  const means = learnerItemMeans(history.reviews);
  const header = ["learner", "email", ...history.questions.map((question) => question.title)];
  const rows = history.learners.map((learner) => [
    learner.name,
    learner.email,
    ...history.questions.map((question) => round(means.get(learner.id)?.get(question.id) ?? null)),
  ]);
  return toCsv(header, rows);
}

function itemsCsv(history: Awaited<ReturnType<typeof loadCourseHistory>>): string {
  const header = ["question", "topic", "attempts", "facility", "discrimination", "median seconds", "most common wrong answer", "its count", "misconceptions", "needs a look"];
  const rows = itemStatistics(history).map((item) => [
    item.title,
    item.topic,
    item.attempts,
    round(item.facility),
    round(item.discrimination),
    item.medianMs === null ? null : item.medianMs / 1000,
    item.commonWrongAnswers[0]?.answer ?? null,
    item.commonWrongAnswers[0]?.count ?? null,
    item.misconceptions.map((m) => `${m.id}: ${m.count}`).join("; "),
    item.flags.map((flag) => flag.kind).join("; "),
  ]);
  return toCsv(header, rows);
}
