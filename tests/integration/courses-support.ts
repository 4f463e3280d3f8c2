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

/** Pooling has no parameters (d2l zh 6.5 / en 7.5): a fixed multiple-choice question. */
export const poolingChoice: QuestionDefinition = {
  kind: "fixed",
  title: { en: "Parameters of max pooling", "zh-CN": "最大汇聚层的参数" },
  topic: "pooling",
  difficulty: "easy",
  prompt: { en: "How many trainable parameters does a $2 \\times 2$ max-pooling layer have?", "zh-CN": "一个 $2 \\times 2$ 最大汇聚层有多少个可训练参数？" },
  answer: {
    format: "choice",
    options: [
      { text: { en: "4" }, correct: false },
      { text: { en: "0" }, correct: true },
    ],
  },
  explanation: { en: "A pooling layer has no kernel to learn.", "zh-CN": "汇聚层没有要学习的卷积核。" },
};

/**
 * Output width of a convolution by formula (d2l zh 6.3 / en 7.3): ⌊(n − k)/s⌋ + 1 with n = 8,
 * k = 3, so 6 for stride 1 and 3 for stride 2.
 */
export const strideQuestion: QuestionDefinition = {
  kind: "custom",
  title: { en: "Output width with a stride", "zh-CN": "带步幅的输出宽度" },
  topic: "conv-arithmetic",
  difficulty: "easy",
  prompt: { en: "Input width 8, kernel width 3, no padding, stride {{s}}: how wide is the output?", "zh-CN": "输入宽度 8，卷积核宽度 3，无填充，步幅 {{s}}：输出宽度是多少？" },
  variables: [{ name: "s", values: [1, 2] }],
  answer: { kind: "integer", formula: "floor((8 - 3) / s) + 1" },
  misconceptions: [{ id: "stride-ignored", formula: "8 - 3 + 1", message: { en: "You ignored the stride.", "zh-CN": "你忽略了步幅。" } }],
};

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
