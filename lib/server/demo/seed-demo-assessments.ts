import type { PrismaClient } from "@/lib/db";
import { wallClockOf } from "@/lib/grading/assessments";
import { createRng, MAX_SEED, type Rng } from "@/lib/problems";
import { answerQuestion } from "../assessments/answer-question";
import { seedOfTry } from "../assessments/attempt-question";
import { finishAttempt } from "../assessments/get-attempt";
import { loadOwnAttempt } from "../assessments/load-attempt";
import { saveAssessment } from "../assessments/save-assessment";
import { saveAssessmentInput } from "../assessments/schemas";
import { startAttempt } from "../assessments/start-attempt";
import { demoAnswer } from "./demo-answer";

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** Built-in skills of d2l 7.2–7.5 whose answers a student types in a line. */
const HOMEWORK_SKILLS = ["conv.output-size", "conv.same-padding", "params.conv-layer", "pooling.output-shape"];

interface Student {
  id: string;
  /** How often the student gets a question right. */
  skill: number;
}

/**
 * Answers every question of a student's attempt through the real grading, `minutesPerQuestion`
 * apart from `from`: right with the student's skill, and a wrong answer tried again while tries
 * remain and the student keeps going (homework's fresh variant, an exam's declining points).
 */
async function takeAttempt(db: PrismaClient, student: Student, attemptId: string, from: Date, rng: Rng, { minutesPerQuestion, retries }: { minutesPerQuestion: number; retries: number }) {
  let now = from;
  const settled = await loadOwnAttempt(db, attemptId, student.id, now);
  for (const question of settled.attempt.questions) {
    for (let tryNumber = 0; tryNumber <= retries; tryNumber += 1) {
      now = new Date(now.getTime() + rng.int(1, minutesPerQuestion) * MINUTE_MS);
      // Past the time limit the student has stopped: the server would refuse the answer.
      if (settled.deadline && now > settled.deadline) return now;
      const right = rng.int(0, 999) < student.skill * 1000;
      const seed = seedOfTry(settled, question.position, tryNumber);
      const answer = await demoAnswer(db, { templateId: question.templateId, seed, lang: "en", questionVersionId: question.questionVersionId }, right);
      const result = await answerQuestion({ db, userId: student.id, attemptId, position: question.position, tryNumber, answer, lang: "en", now, fuzz: true });
      if (result.status !== "graded" || right || result.state.triesLeft === 0) break;
    }
  }
  return now;
}

/**
 * The demo course's graded work: a homework of built-in skills (due in three days, a late week at
 * half credit) and a timed exam drawn from the course's bank (tries worth 10, 7, 5; the key shown
 * after it closes), with the synthetic class's attempts: most did the homework (three handed it in), several took the
 * exam, one left it open and the server closed it at the time limit. The demo learner has taken
 * neither, so they can.
 */
export async function seedDemoAssessments({ db, instructorId, courseId, bankId, students, now, rng }: { db: PrismaClient; instructorId: string; courseId: string; bankId: string; students: Student[]; now: Date; rng: Rng }) {
  const wall = (offsetMs: number) => wallClockOf(new Date(now.getTime() + offsetMs), "UTC");
  const homework = await saveAssessment({
    db,
    userId: instructorId,
    now: new Date(now.getTime() - 8 * DAY_MS),
    input: saveAssessmentInput.parse({
      courseId,
      titleEn: "Homework 1: output shapes and parameters",
      titleZh: "作业 1：输出形状与参数",
      kind: "homework",
      zones: [{ titleEn: "Convolution arithmetic", titleZh: "卷积的算术", pool: HOMEWORK_SKILLS.map((template) => ({ template })), draw: 3, points: 5 }],
      opensAt: wall(-7 * DAY_MS),
      dueAt: wall(3 * DAY_MS),
      lateUntil: wall(10 * DAY_MS),
      lateCredit: 0.5,
      published: true,
    }),
  });
  const exam = await saveAssessment({
    db,
    userId: instructorId,
    now: new Date(now.getTime() - 4 * DAY_MS),
    input: saveAssessmentInput.parse({
      courseId,
      titleEn: "Quiz 1 (timed)",
      titleZh: "测验 1（限时）",
      kind: "exam",
      zones: [{ pool: [{ bank: bankId }], draw: 3, points: 10, pointsPerTry: [10, 7, 5], shuffle: true }],
      opensAt: wall(-3 * DAY_MS),
      dueAt: wall(4 * DAY_MS),
      timeLimitMinutes: 30,
      honourPledge: true,
      showSolution: "after-close",
      published: true,
    }),
  });

  const seeds = () => rng.int(0, MAX_SEED);
  // Seed keys from a generator of their own (the class's other draws stay as they were), fixed so
  // that the synthetic class answers the same variants each time the demo is made.
  const keyRng = createRng(0x5eed);
  const seedKeys = () => Array.from({ length: 8 }, () => keyRng.int(0, 0xffff).toString(16).padStart(4, "0")).join("");
  for (const [index, student] of students.entries()) {
    // Everyone but the last student started the homework over the past week.
    if (index < students.length - 1) {
      const startedAt = new Date(now.getTime() - (6 - index) * DAY_MS + rng.int(9, 20) * HOUR_MS);
      const { attemptId } = await startAttempt({ db, userId: student.id, assessmentId: homework.id, pledge: false, now: startedAt, randomSeed: seeds, newSeedKey: seedKeys });
      const doneAt = await takeAttempt(db, student, attemptId, startedAt, rng, { minutesPerQuestion: 12, retries: 2 });
      // The first three handed it in; the others may still come back before it is due.
      if (index < 3) await finishAttempt({ db, userId: student.id, attemptId, now: new Date(doneAt.getTime() + MINUTE_MS) });
    }
    // Four students took the exam yesterday; the fourth walked away and the server closed it.
    if (index < 4) {
      const startedAt = new Date(now.getTime() - DAY_MS - index * HOUR_MS);
      const { attemptId } = await startAttempt({ db, userId: student.id, assessmentId: exam.id, pledge: true, now: startedAt, randomSeed: seeds, newSeedKey: seedKeys });
      const doneAt = await takeAttempt(db, student, attemptId, startedAt, rng, { minutesPerQuestion: 8, retries: 2 });
      if (index < 3) await finishAttempt({ db, userId: student.id, attemptId, now: new Date(doneAt.getTime() + MINUTE_MS) });
      else await loadOwnAttempt(db, attemptId, student.id, now);
    }
  }
  return { homeworkId: homework.id, examId: exam.id };
}
