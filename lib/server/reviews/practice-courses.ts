import type { PrismaClient } from "@/lib/db";
import { publishedQuestionsFor } from "../questions/published-questions-for";

export interface PracticeCourse {
  id: string;
  title: string;
  /** Its published questions: what practice of the course draws from. */
  questions: number;
}

/**
 * The courses whose questions a learner can practise: those they are a learner of with at least
 * one published question, in the order the review queue takes them.
 */
export async function practiceCourses({ db, userId }: { db: PrismaClient; userId: string }): Promise<PracticeCourse[]> {
  const courses = new Map<string, PracticeCourse>();
  for (const question of await publishedQuestionsFor({ db, userId })) {
    const course = courses.get(question.courseId) ?? { id: question.courseId, title: question.courseTitle, questions: 0 };
    course.questions += 1;
    courses.set(question.courseId, course);
  }
  return [...courses.values()];
}
