import type { PrismaClient } from "@/lib/db";
import { publishedQuestionsFor } from "../questions/published-questions-for";

export interface PracticeBank {
  id: string;
  title: string;
  /** Its published questions: what practice of the bank draws from. */
  questions: number;
}

export interface PracticeCourse {
  id: string;
  title: string;
  /** Its published questions: what practice of the course draws from. */
  questions: number;
  /** Its banks with a published question, in the course's order: each can be practised alone. */
  banks: PracticeBank[];
}

/**
 * The courses whose questions a learner can practise: those they are a learner of with at least
 * one published question, in the order the review queue takes them, each with its banks.
 */
export async function practiceCourses({ db, userId }: { db: PrismaClient; userId: string }): Promise<PracticeCourse[]> {
  const courses = new Map<string, PracticeCourse>();
  for (const question of await publishedQuestionsFor({ db, userId })) {
    const course = courses.get(question.courseId) ?? { id: question.courseId, title: question.courseTitle, questions: 0, banks: [] };
    course.questions += 1;
    // Two banks of the same position may interleave their questions: look the bank up by id.
    let bank = course.banks.find((entry) => entry.id === question.bankId);
    if (!bank) course.banks.push((bank = { id: question.bankId, title: question.bankTitle, questions: 0 }));
    bank.questions += 1;
    courses.set(question.courseId, course);
  }
  return [...courses.values()];
}
