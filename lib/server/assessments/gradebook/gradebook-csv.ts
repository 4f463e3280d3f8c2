import type { PrismaClient } from "@/lib/db";
import { requireOwner } from "../../courses/course-access";
import { type CsvValue, toCsv } from "../../progress/csv";
import { type CourseGradebook, loadCourseGradebook } from "./course-gradebook";
import type { GradebookCsvFormat } from "./schemas";

/**
 * The gradebook as a file another gradebook imports (docs/GRADEBOOK.md has the columns and the
 * import steps). One column per published assessment, its points as the cell: the current total,
 * an override included, of a submitted attempt; empty for an attempt not started or still running,
 * since both importers leave an empty cell's grade as it was rather than writing a zero.
 * RFC 4180 with the formula guard and byte-order mark of lib/server/progress/csv.ts.
 *
 * - canvas: Canvas's gradebook export layout, which its importer reads back: `Student`, `ID`,
 *   `SIS User ID`, `SIS Login ID`, `Section`, then `<title> (<id>)` per assessment, and a
 *   `Points Possible` row second. Stride knows no Canvas ids, so it fills `SIS Login ID` with the
 *   email (the login of most Canvas sites that sign in by email); Canvas matches students on it.
 * - moodle: `Email address`, then one column per assessment titled as it is; Moodle's CSV import
 *   maps users by "Email address" → "useremail" and each column to a grade item chosen on import.
 */
export async function gradebookCsv({ db, userId, courseId, format, now }: { db: PrismaClient; userId: string; courseId: string; format: GradebookCsvFormat; now: Date }) {
  await requireOwner({ db, courseId, userId });
  const gradebook = await loadCourseGradebook({ db, courseId, now });
  const body = format === "canvas" ? canvasCsv(gradebook) : moodleCsv(gradebook);
  return { body, contentType: "text/csv; charset=utf-8", filename: `gradebook-${format}.csv` };
}

function pointsOf(cell: CourseGradebook["learners"][number]["cells"][number]): CsvValue {
  return cell.status === "submitted" && cell.score ? cell.score.awarded : null;
}

export function canvasCsv(gradebook: CourseGradebook): string {
  const header = ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", ...gradebook.assessments.map((assessment) => `${assessment.titleEn} (${assessment.id})`)];
  const possible: CsvValue[] = ["Points Possible", null, null, null, null, ...gradebook.assessments.map((assessment) => assessment.possible)];
  const rows = gradebook.learners.map((learner): CsvValue[] => [learner.name, null, null, learner.email, null, ...learner.cells.map(pointsOf)]);
  return toCsv(header, [possible, ...rows]);
}

export function moodleCsv(gradebook: CourseGradebook): string {
  const header = ["Email address", ...gradebook.assessments.map((assessment) => assessment.titleEn)];
  const rows = gradebook.learners.map((learner): CsvValue[] => [learner.email, ...learner.cells.map(pointsOf)]);
  return toCsv(header, rows);
}
