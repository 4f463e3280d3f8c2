/**
 * Course statistics against a small history written by hand, every expected number worked out in
 * the comments (facility: mean score; discrimination: Pearson's r of the item score with the mean
 * of the learner's other item scores; median of the answer times).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseQuestionDefinition, sampleQuestion } from "@/lib/questions";
import type { SessionUser } from "@/lib/server/trpc";
import { callerFor, insertReview, newUser, poolingChoice, strideQuestion } from "./courses-support";
import { createTestDatabase, databaseKinds, type TestDatabase } from "./support/database";

const NOW = new Date("2026-05-01T09:00:00Z");

/** Seeds of the stride question whose variant has stride 1 and stride 2 (read from lib/questions). */
function seedsByStride(): { 1: number; 2: number } {
  const definition = parseQuestionDefinition(strideQuestion);
  const found: Partial<Record<1 | 2, number>> = {};
  for (let seed = 0; found[1] === undefined || found[2] === undefined; seed += 1) {
    const s = sampleQuestion(definition, { templateId: "question:x", seed }).variables?.s as 1 | 2;
    found[s] ??= seed;
  }
  return found as { 1: number; 2: number };
}

describe.each(databaseKinds())("course statistics on %s", (kind) => {
  let database: TestDatabase;
  let owner: ReturnType<typeof callerFor>;
  let courseId: string;
  let learners: SessionUser[];
  let strideId: string;
  let poolingId: string;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const db = database.prisma;
    const instructor = await newUser(db, "instructor");
    owner = callerFor(db, instructor, () => NOW);
    const course = await owner.courses.create({ title: "CNN" });
    courseId = course.id;
    learners = [];
    for (const name of ["Ada", "Bo", "Cai", "Dee"]) {
      const learner = await newUser(db, "learner", name);
      await callerFor(db, learner).courses.join({ code: course.joinCode });
      learners.push(learner);
    }
    const outsider = await newUser(db, "learner", "Outsider");
    const bank = await owner.banks.create({ courseId, title: "Stride and pooling" });
    strideId = (await owner.questions.create({ bankId: bank.id, definition: strideQuestion })).id;
    // A title that a spreadsheet would run as a formula, with a comma and quotes to escape.
    poolingId = (await owner.questions.create({ bankId: bank.id, definition: { ...poolingChoice, title: { en: '=Pooling, "max" parameters?' } } })).id;
    const version = async (questionId: string) => (await db.questionVersion.findFirstOrThrow({ where: { questionId, version: 1 } })).id;
    const strideVersion = await version(strideId);
    const poolingVersion = await version(poolingId);
    const seed = seedsByStride();
    const [ada, bo, cai, dee] = learners as [SessionUser, SessionUser, SessionUser, SessionUser];
    let minute = 0;
    const at = () => new Date(Date.UTC(2026, 3, 20, 8, (minute += 1)));
    const stride = (userId: string, s: 1 | 2, answer: string, score: number, elapsedMs: number, extra: { mistake?: string; stateBefore?: number } = {}) =>
      insertReview(db, { userId, questionId: strideId, questionVersionId: strideVersion, seed: seed[s], answer, score, elapsedMs, reviewedAt: at(), ...extra });
    const pooling = (userId: string, answer: string, score: number, elapsedMs: number, extra: { stateBefore?: number } = {}) =>
      insertReview(db, { userId, questionId: poolingId, questionVersionId: poolingVersion, seed: 0, answer, score, elapsedMs, reviewedAt: at(), ...extra });

    // Stride question: ⌊(8 − 3)/s⌋ + 1 is 6 for s = 1 and 3 for s = 2; "stride ignored" answers 6.
    await stride(ada.id, 1, "6", 1, 20_000, { stateBefore: 2 });
    await stride(bo.id, 2, "6", 0, 40_000, { mistake: "stride-ignored" });
    await stride(cai.id, 2, " 6 ", 0, 30_000, { mistake: "stride-ignored" });
    await stride(dee.id, 1, "6", 1, 10_000);
    await stride(bo.id, 1, "7", 0, 50_000);
    const undone = await stride(ada.id, 2, "99", 0, 60_000);
    await db.reviewAmendment.create({ data: { reviewId: undone.id, userId: ada.id, kind: "undo" } });
    await stride(outsider.id, 2, "5", 0, 70_000);
    await stride(instructor.id, 2, "4", 0, 80_000);
    // Pooling question (the key is "0"): Ada's review-state review is re-rated Again afterwards.
    const adaPooling = await pooling(ada.id, "0", 1, 5_000, { stateBefore: 2 });
    await db.reviewAmendment.create({ data: { reviewId: adaPooling.id, userId: ada.id, kind: "rating", rating: 1 } });
    // Bo picks option A, "4" (typed in lower case, as the statistics count it).
    await pooling(bo.id, "a", 0, 15_000);
    await pooling(cai.id, "0", 1, 25_000);
    await pooling(dee.id, "0", 1, 35_000);
    // Ada's stride card, reviewed just now with S = 3: recall a week ahead R(7, 3) (FSRS-6 forgetting curve).
    await db.card.create({ data: { userId: ada.id, templateId: `question:${strideId}`, due: NOW, stability: 3, lastReview: NOW, state: 2 } });
    // A browser that recomputed the pooling key differently (reported once, by a non-member too).
    await db.keyMismatch.create({
      data: { userId: outsider.id, reviewId: adaPooling.id, templateId: `question:${poolingId}`, seed: 0, backend: "webgl", serverKey: 0, browserKey: 1 },
    });
    // Her pooling card after the Again: a long stability kept through the lapse, as FSRS does.
    await db.card.create({ data: { userId: ada.id, templateId: `question:${poolingId}`, due: NOW, stability: 20, lastReview: NOW, state: 3, lapses: 1 } });
  });

  afterAll(async () => {
    await database?.drop();
  });

  it("computes each item's numbers as worked by hand, leaving out undone reviews, outsiders and owners", async () => {
    const { items } = await owner.statistics.course({ courseId });
    const [stride, pooling] = items;
    // Stride: the learners' 5 counted reviews score 1, 0, 0, 1, 0 → facility 2/5 = 0.4.
    expect(stride).toMatchObject({ questionId: strideId, attempts: 5, facility: 0.4 });
    // Times 20, 40, 30, 10, 50 s → sorted 10 20 30 40 50 → median 30 s.
    expect(stride?.medianMs).toBe(30_000);
    // Wrong: "6", " 6 " (one answer once trimmed), "7".
    expect(stride?.commonWrongAnswers).toEqual([{ answer: "6", count: 2, options: null }, { answer: "7", count: 1, options: null }]);
    expect(stride?.misconceptions).toEqual([{ id: "stride-ignored", count: 2 }]);
    // Learner means (stride, pooling): Ada (1, 1), Bo (0, 0), Cai (0, 1), Dee (1, 1).
    // Stride vs rest: x = 1 0 0 1, y = 1 0 1 1; x̄ = 0.5, ȳ = 0.75; Σdxdy = 0.125 + 0.375 − 0.125 + 0.125 = 0.5;
    // Σdx² = 1, Σdy² = 0.0625 + 0.5625 + 0.0625 + 0.0625 = 0.75; r = 0.5/√0.75 = 1/√3 ≈ 0.5774.
    expect(stride?.discrimination).toBeCloseTo(1 / Math.sqrt(3), 10);
    // By stride: s = 1 → Ada 1, Dee 1, Bo 0: 3 attempts, 2/3; s = 2 → Bo 0, Cai 0, both "stride ignored".
    expect(stride?.regions).toHaveLength(1);
    expect(stride?.regions[0]?.variable).toBe("s");
    expect(stride?.regions[0]?.values).toEqual([
      { value: "1", attempts: 3, facility: 2 / 3, misconceptions: [] },
      { value: "2", attempts: 2, facility: 0, misconceptions: [{ id: "stride-ignored", count: 2 }] },
    ]);

    // Pooling: 1, 0, 1, 1 → 0.75; times 5 15 25 35 s → (15 + 25)/2 = 20 s; one wrong "a", shown as
    // the option it picked, A "4" (the author wrote no Chinese, so the English stands in).
    expect(pooling).toMatchObject({
      questionId: poolingId, attempts: 4, facility: 0.75, medianMs: 20_000, misconceptions: [], regions: [],
      commonWrongAnswers: [{ answer: "a", count: 1, options: [{ id: "A", text: { en: "4", "zh-CN": "4" } }] }],
    });
    // Pooling vs rest: x = 1 0 1 1, y = 1 0 0 1; x̄ = 0.75, ȳ = 0.5; Σdxdy = 0.125 + 0.375 − 0.125 + 0.125 = 0.5;
    // Σdx² = 0.75, Σdy² = 1; r = 1/√3.
    expect(pooling?.discrimination).toBeCloseTo(1 / Math.sqrt(3), 10);

    // Facility 0.4 and 0.75 and positive discrimination raise nothing; the mismatch report does.
    expect(stride?.flags).toEqual([]);
    expect(pooling?.flags).toEqual([{ kind: "key-mismatches", count: 1 }]);
  });

  it("counts each learner's reviews, true retention and mastery per topic", async () => {
    const { learners: rows } = await owner.statistics.course({ courseId });
    // Ada: 2 counted (the undone one is out); of her 2 review-state reviews, stride passed (Good)
    // and pooling was re-rated Again: retention 1/2. Nobody else had a review-state review.
    expect(rows.map((row) => [row.name, row.reviews, row.retention])).toEqual([
      ["Ada", 2, 0.5],
      ["Bo", 3, null],
      ["Cai", 2, null],
      ["Dee", 2, null],
    ]);
    const ada = rows[0]?.mastery.toSorted((a, b) => a.topic.localeCompare(b.topic));
    // by hand: R(7, 3) = (1 + FACTOR · 7/3)^−0.1542, FACTOR = 0.9^(−1/0.1542) − 1 (ts-fsrs default decay).
    const recallWeekAhead = (1 + (0.9 ** (-1 / 0.1542) - 1) * (7 / 3)) ** -0.1542;
    expect(ada?.[0]).toMatchObject({ topic: "conv-arithmetic", started: 1, mastered: 0, total: 1 });
    expect(ada?.[0]?.mastery).toBeCloseTo(recallWeekAhead, 6);
    // Pooling's latest review, re-rated Again, counts 0 though FSRS's recall now would be 1.
    expect(ada?.[1]).toEqual({ topic: "pooling", mastery: 0, started: 1, mastered: 0, total: 1 });
  });

  it("writes the grades and item statistics as RFC 4180 CSV with a byte-order mark and a formula guard", async () => {
    const grades = await owner.statistics.csv({ courseId, what: "grades" });
    expect(grades).toMatchObject({ contentType: "text/csv; charset=utf-8", filename: "course-grades.csv" });
    const learnerEmails = learners.map((learner) => learner.email);
    expect(grades.body).toBe(
      "\uFEFF" +
        [
          `learner,email,Output width with a stride,"'=Pooling, ""max"" parameters?"`,
          `Ada,${learnerEmails[0]},1,1`,
          // Bo's two stride reviews both scored 0.
          `Bo,${learnerEmails[1]},0,0`,
          `Cai,${learnerEmails[2]},0,1`,
          `Dee,${learnerEmails[3]},1,1`,
        ].join("\r\n") +
        "\r\n",
    );
    const items = await owner.statistics.csv({ courseId, what: "items" });
    const lines = items.body.slice(1).split("\r\n");
    expect(lines[0]).toBe("question,topic,attempts,facility,discrimination,median seconds,most common wrong answer,its count,misconceptions,needs a look");
    // 1/√3 to four decimals: 0.5774.
    expect(lines[1]).toBe("Output width with a stride,conv-arithmetic,5,0.4,0.5774,30,6,2,stride-ignored: 2,");
    expect(lines[2]).toBe(`"'=Pooling, ""max"" parameters?",pooling,4,0.75,0.5774,20,a,1,,key-mismatches`);
  });
});
