/**
 * What the course, question and statistics tests share: users of each role, callers, a fixture
 * course, question definitions written out by hand, and reviews inserted as the review queue
 * would have stored them.
 */
import { TRPCError } from "@trpc/server";
import type { PrismaClient } from "@/lib/db";
import type { QuestionDefinition } from "@/lib/questions";
import { createCaller } from "@/lib/server/root";
import { createContext, type SessionUser } from "@/lib/server/trpc";

let serial = 0;

export async function newUser(db: PrismaClient, role: "learner" | "instructor", name?: string): Promise<SessionUser> {
  serial += 1;
  const user: SessionUser = { id: `${role}-${serial}-${Math.random().toString(36).slice(2, 8)}`, email: `${role}${serial}.${Date.now()}@example.com`, name: name ?? `${role} ${serial}`, role, locale: "en" };
  await db.user.create({ data: { id: user.id, email: user.email, name: user.name, role: user.role, locale: user.locale } });
  return user;
}

export function callerFor(db: PrismaClient, user: SessionUser | null, now: () => Date = () => new Date("2026-05-01T09:00:00Z")) {
  return createCaller(createContext({ db, user, now }));
}

/** The tRPC error a call failed with; a call that succeeds fails the test. */
export async function failureOf(call: () => Promise<unknown>): Promise<TRPCError> {
  try {
    await call();
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error("the call succeeded");
}

/** The tRPC code a call failed with, or "ok". */
export async function outcomeOf(call: () => Promise<unknown>): Promise<string> {
  try {
    await call();
    return "ok";
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
}

// The two questions most tests draw on live beside the browser journeys' copies of them.
export { poolingChoice, strideQuestion } from "../support/question-fixtures";

/**
 * A conv layer keyed by the engine over kernels 3, 5 and 9 on an 8×8 input without padding: the
 * 9×9 kernel is larger than the input, so that variant cannot be built (d2l 6.3: output
 * 8 − 9 + 1 = 0).
 */
export const plantedBadKernel: QuestionDefinition = {
  kind: "custom",
  title: { en: "Output shape of a convolution" },
  topic: "conv-arithmetic",
  difficulty: "easy",
  prompt: { en: "A $[1, 8, 8]$ input goes through a convolution with 2 output channels and a ${{k}} \\times {{k}}$ kernel. What is the output shape?" },
  variables: [{ name: "k", values: [3, 5, 9] }],
  answer: { kind: "shape", engine: { mode: "analyze", spec: { input: [1, 8, 8], layers: [{ type: "conv2d", filters: 2, kernel: "{{k}}" }] }, select: "outputShape" } },
};

/**
 * A course whose one bank holds `definition`, validated and published by `instructor` at `now`:
 * what an assessment test needs before it makes its homework or exam.
 */
export async function courseWithPublishedQuestion(db: PrismaClient, instructor: SessionUser, definition: QuestionDefinition, now: Date) {
  const teach = callerFor(db, instructor, () => now);
  const course = await teach.courses.create({ title: "CNN" });
  const bank = await teach.banks.create({ courseId: course.id, title: "Strides" });
  const question = await teach.questions.create({ bankId: bank.id, definition });
  const validation = await teach.questions.validate({ questionId: question.id });
  if (!validation.ok) throw new Error(`the fixture question did not validate: ${JSON.stringify(validation)}`);
  await teach.questions.publish({ questionId: question.id });
  const { joinCode } = await db.course.findUniqueOrThrow({ where: { id: course.id }, select: { joinCode: true } });
  return { courseId: course.id, questionId: question.id, joinCode };
}

/** An answered variant and its review, as submit-answer stores them (rows inserted directly). */
export async function insertReview(
  db: PrismaClient,
  review: {
    userId: string;
    questionId: string;
    questionVersionId: string;
    seed: number;
    answer: string;
    score: number;
    rating?: number;
    elapsedMs: number;
    mistake?: string | null;
    stateBefore?: number;
    reviewedAt: Date;
  },
) {
  const templateId = `question:${review.questionId}`;
  const variant = await db.variant.create({
    data: { userId: review.userId, templateId, questionVersionId: review.questionVersionId, seed: review.seed, lang: "en", mode: "review", issuedAt: review.reviewedAt, answeredAt: review.reviewedAt },
  });
  return db.review.create({
    data: {
      variantId: variant.id,
      userId: review.userId,
      mode: "review",
      templateId,
      questionVersionId: review.questionVersionId,
      seed: review.seed,
      lang: "en",
      answer: review.answer,
      score: review.score,
      correct: review.score === 1,
      rating: review.rating ?? (review.score === 1 ? 3 : 1),
      suggestedRating: review.rating ?? (review.score === 1 ? 3 : 1),
      elapsedMs: review.elapsedMs,
      mistake: review.mistake ?? null,
      stateBefore: { state: review.stateBefore ?? 0 },
      stateAfter: { state: 2 },
      reviewedAt: review.reviewedAt,
    },
  });
}
