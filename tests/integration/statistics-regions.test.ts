import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BuiltinQuestion, sampleQuestion } from "@/lib/questions";
import { callerFor, insertReview, newUser } from "./courses-support";
import { createTestDatabase, databaseKinds, type TestDatabase } from "./support/database";

/** The catalog's output-size template narrowed by the instructor to strides 1 and 2. */
const narrowed: BuiltinQuestion = {
  kind: "builtin",
  title: { en: "Output size, stride 1 or 2", "zh-CN": "输出形状（步幅 1 或 2）" },
  template: "conv.output-size",
  constraints: [{ path: "spec.layers.0.stride", in: [1, 2] }],
};

/** Two seeds of the narrowed question for each stride, read off the variants' engine checks (lib/questions). */
function seedsByStride(): Record<1 | 2, number[]> {
  const found: Record<1 | 2, number[]> = { 1: [], 2: [] };
  for (let seed = 0; found[1].length < 2 || found[2].length < 2; seed += 1) {
    const check = sampleQuestion(narrowed, { templateId: "question:x", seed }).problem.check as { spec: { layers: { stride: number | [number, number] }[] } };
    // A stride may be written [h, w]; a square one counts as its number, others are their own region.
    const stride = check.spec.layers[0]!.stride;
    if (Array.isArray(stride) && stride[0] !== stride[1]) continue;
    const list = found[(Array.isArray(stride) ? stride[0] : stride) as 1 | 2];
    if (list.length < 2) list.push(seed);
  }
  return found;
}

describe.each(databaseKinds())("statistics by parameter region of a built-in question on %s", (kind) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });

  afterAll(async () => {
    await database?.drop();
  });

  it("groups the answers by the stride the instructor narrowed", async () => {
    const db = database.prisma;
    const instructor = await newUser(db, "instructor");
    const owner = callerFor(db, instructor);
    const course = await owner.courses.create({ title: "CNN" });
    const learner = await newUser(db, "learner");
    await callerFor(db, learner).courses.join({ code: course.joinCode });
    const bank = await owner.banks.create({ courseId: course.id, title: "Stride" });
    const question = await owner.questions.create({ bankId: bank.id, definition: narrowed });
    const version = await db.questionVersion.findFirstOrThrow({ where: { questionId: question.id } });
    const seeds = seedsByStride();
    const answers: [number, number, string | null][] = [
      [seeds[1][0]!, 1, null],
      [seeds[1][1]!, 1, null],
      [seeds[2][0]!, 0, "stride-ignored"],
      [seeds[2][1]!, 1, null],
    ];
    let minute = 0;
    for (const [seed, score, mistake] of answers) {
      await insertReview(db, { userId: learner.id, questionId: question.id, questionVersionId: version.id, seed, answer: "x", score, elapsedMs: 1000, mistake, reviewedAt: new Date(Date.UTC(2026, 3, 1, 8, (minute += 1))) });
    }
    const { items } = await owner.statistics.course({ courseId: course.id });
    // Stride 1: scores 1, 1 → 1; stride 2: 0, 1 → 0.5, one "stride ignored".
    expect(items[0]?.regions).toEqual([
      {
        variable: "spec.layers.0.stride",
        values: [
          { value: "1", attempts: 2, facility: 1, misconceptions: [] },
          { value: "2", attempts: 2, facility: 0.5, misconceptions: [{ id: "stride-ignored", count: 1 }] },
        ],
      },
    ]);
  });
});
