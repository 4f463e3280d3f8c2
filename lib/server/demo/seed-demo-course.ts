import type { PrismaClient } from "@/lib/db";
import { createRng, type Rng, MAX_SEED } from "@/lib/problems";
import { createBank } from "../courses/create-bank";
import { createCourse } from "../courses/create-course";
import { joinCourse } from "../courses/join-course";
import { createQuestion } from "../questions/create-question";
import { publishQuestion } from "../questions/publish-question";
import { runQuestionValidation } from "../questions/run-question-validation";
import { questionIdOf } from "../questions/template-id";
import { issueVariant } from "../reviews/issue-variant";
import { submitAnswer } from "../reviews/submit-answer";
import { demoAnswer } from "./demo-answer";
import { DEMO_QUESTIONS } from "./demo-course-questions";
import { seedDemoAssessments } from "./seed-demo-assessments";

const DAY_MS = 86_400_000;
const CLASS_DAYS = 10;
// Fixed, so every fresh demo database shows the same class.
const SEED = 20_261_125;

/** The synthetic class: how often each student gets a question right. */
const STUDENTS = [
  { name: "Ada", skill: 0.9 },
  { name: "Ben", skill: 0.75 },
  { name: "Chen Li", skill: 0.6 },
  { name: "Dana", skill: 0.45 },
  { name: "Emeka", skill: 0.8 },
  { name: "Fang", skill: 0.55 },
];

/** One student's days with the course: the review queue, answered through the real grading and scheduling. */
async function studentHistory(db: PrismaClient, userId: string, skill: number, start: Date, rng: Rng) {
  let reviews = 0;
  for (let day = 0; day < CLASS_DAYS; day += 1) {
    let now = new Date(start.getTime() + day * DAY_MS + rng.int(8, 20) * 3_600_000);
    // Only the course's questions: three new ones on the first day, none after.
    await db.user.update({ where: { id: userId }, data: { dailyNewLimit: day === 0 ? DEMO_QUESTIONS.length : 0 } });
    for (let turn = 0; turn < 8; turn += 1) {
      const issued = await issueVariant({ db, userId, lang: "en", now, randomSeed: () => rng.int(0, MAX_SEED) });
      if (issued.status !== "issued" || !questionIdOf(issued.problem.template)) break;
      const variant = await db.variant.findUniqueOrThrow({ where: { id: issued.variantId } });
      const answer = await demoAnswer(db, variant, rng.int(0, 999) < skill * 1000);
      now = new Date(now.getTime() + rng.int(15, 120) * 1000);
      await submitAnswer({ db, userId, variantId: issued.variantId, answer, now, fuzz: true });
      reviews += 1;
      now = new Date(now.getTime() + 11 * 60_000);
    }
  }
  await db.user.update({ where: { id: userId }, data: { dailyNewLimit: 10 } });
  return reviews;
}

/**
 * The demo instructor's course: "CNN basics (demo)" with its join code, a bank holding one
 * question of each kind (validated and published), the demo learner and a small synthetic class
 * enrolled, ten days of the class's reviews, and a homework and an exam the class has taken
 * (seed-demo-assessments.ts), so the course, statistics and gradebook pages show something on
 * first start. Idempotent: nothing happens once the instructor has a course.
 */
export async function seedDemoCourse({ db, instructorId, learnerId, now }: { db: PrismaClient; instructorId: string; learnerId: string; now: Date }) {
  const existing = await db.courseMember.count({ where: { userId: instructorId, role: "owner" } });
  if (existing > 0) return { created: false as const, reviews: 0 };
  const rng = createRng(SEED);
  const course = await createCourse({ db, userId: instructorId, title: "CNN basics (demo)", lang: "en", desiredRetention: 0.9 });
  const bank = await createBank({ db, userId: instructorId, courseId: course.id, title: "Week 1: convolutions and pooling" });
  for (const definition of DEMO_QUESTIONS) {
    const question = await createQuestion({ db, userId: instructorId, bankId: bank.id, definition });
    await runQuestionValidation({ db, userId: instructorId, questionId: question.id, now });
    await publishQuestion({ db, userId: instructorId, questionId: question.id, now });
  }

  const start = new Date(now.getTime() - (CLASS_DAYS + 1) * DAY_MS);
  let reviews = 0;
  const classIds: { id: string; skill: number }[] = [];
  for (const [index, student] of STUDENTS.entries()) {
    const email = `class-${String(index + 1).padStart(2, "0")}@example.com`;
    const user =
      (await db.user.findUnique({ where: { email } })) ??
      (await db.user.create({ data: { id: `demo-class-${index + 1}`, email, name: student.name, role: "learner" } }));
    await joinCourse({ db, userId: user.id, code: course.joinCode });
    reviews += await studentHistory(db, user.id, student.skill, start, rng);
    classIds.push({ id: user.id, skill: student.skill });
  }
  await seedDemoAssessments({ db, instructorId, courseId: course.id, bankId: bank.id, students: classIds, now, rng });
  await joinCourse({ db, userId: learnerId, code: course.joinCode });
  return { created: true as const, courseId: course.id, joinCode: course.joinCode, reviews };
}
