import type { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { CustomQuestion } from "@/lib/questions";
import { AppError } from "@/lib/server/errors";
import { callerFor, failureOf, newUser, strideQuestion } from "./courses-support";
import { createTestDatabase, databaseKinds, type TestDatabase } from "./support/database";

/**
 * Writes to one question that race: the editor's Save and Validate sent the same edit twice at
 * once (a CI run of the assessments journey, 2026-12-07: the second save of a published question
 * also made "version 2" and failed on its unique key with a 500), a save racing a publish, and a
 * save landing while a validation run is away on its worker thread.
 */

// The validation run waits at this gate when a test holds it, so a save can land mid-run.
const gate = vi.hoisted(() => ({ held: null as Promise<void> | null, entered: null as (() => void) | null }));
vi.mock("@/lib/server/workers/pool", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/server/workers/pool")>();
  return {
    ...actual,
    runTask: async (...args: Parameters<typeof actual.runTask>) => {
      gate.entered?.();
      if (gate.held) await gate.held;
      return actual.runTask(...args);
    },
  };
});

// Input width 10 instead of 8, and 12: two edits told apart by their prompt.
const widthEdit = (width: number): CustomQuestion => ({
  ...(strideQuestion as CustomQuestion),
  prompt: { en: `Input width ${width}, kernel width 3, no padding, stride {{s}}: how wide is the output?` },
  answer: { kind: "integer", formula: `floor((${width} - 3) / s) + 1` },
});


describe.each(databaseKinds())("racing writes to one question on %s", (kind) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });

  afterAll(async () => {
    await database?.drop();
  });

  async function publishedQuestion() {
    const instructor = await newUser(database.prisma, "instructor");
    const owner = callerFor(database.prisma, instructor);
    const course = await owner.courses.create({ title: "CNN" });
    const bank = await owner.banks.create({ courseId: course.id, title: "Stride" });
    const question = await owner.questions.create({ bankId: bank.id, definition: strideQuestion });
    await owner.questions.validate({ questionId: question.id });
    await owner.questions.publish({ questionId: question.id });
    return { owner, questionId: question.id };
  }

  const versionsOf = (questionId: string) =>
    database.prisma.questionVersion.findMany({ where: { questionId }, orderBy: { version: "asc" }, select: { version: true, definition: true, validation: true, publishedAt: true } });

  it("takes ten saves of a published question sent at once: one new draft version 2, holding the last save, no error", async () => {
    const { owner, questionId } = await publishedQuestion();
    const edits = Array.from({ length: 10 }, (_, index) => widthEdit(10 + index));
    const results = await Promise.allSettled(edits.map((definition) => owner.questions.update({ questionId, definition })));
    expect(results.filter((result) => result.status === "rejected")).toEqual([]);
    expect(results.map((result) => (result.status === "fulfilled" ? result.value : null))).toEqual(edits.map(() => ({ id: questionId, version: 2, state: "published-with-draft" })));

    const versions = await versionsOf(questionId);
    expect(versions.map(({ version }) => version)).toEqual([1, 2]);
    // Version 1 is what learners answer and stays as published; version 2 holds one of the edits.
    expect(versions[0]?.definition).toEqual(strideQuestion);
    expect(edits).toContainEqual(versions[1]?.definition);
    expect(await database.prisma.question.findUniqueOrThrow({ where: { id: questionId }, select: { latestVersion: true, publishedVersion: true } })).toEqual({ latestVersion: 2, publishedVersion: 1 });
  });

  it("publishes only validated content when a save races the publish", async () => {
    const { owner, questionId } = await publishedQuestion();
    await owner.questions.update({ questionId, definition: widthEdit(10) });
    await owner.questions.validate({ questionId });
    const [published, saved] = await Promise.allSettled([owner.questions.publish({ questionId }), owner.questions.update({ questionId, definition: widthEdit(12) })]);
    expect(saved.status).toBe("fulfilled");

    const versions = await versionsOf(questionId);
    const question = await database.prisma.question.findUniqueOrThrow({ where: { id: questionId }, select: { latestVersion: true, publishedVersion: true } });
    if (published.status === "fulfilled") {
      // The publish went first: version 2 went live as validated, and the save made version 3.
      expect(question).toEqual({ latestVersion: 3, publishedVersion: 2 });
      expect(versions.map(({ version, definition }) => ({ version, definition }))).toEqual([
        { version: 1, definition: strideQuestion },
        { version: 2, definition: widthEdit(10) },
        { version: 3, definition: widthEdit(12) },
      ]);
    } else {
      // The save went first: the draft changed, its validation was cleared, and the publish was refused.
      expect((published.reason as TRPCError).code).toBe("CONFLICT");
      expect(question).toEqual({ latestVersion: 2, publishedVersion: 1 });
      expect(versions[1]).toMatchObject({ version: 2, definition: widthEdit(12), validation: null, publishedAt: null });
    }
  });

  it("refuses to store a validation run on content saved while it ran, so that content cannot be published", async () => {
    const { owner, questionId } = await publishedQuestion();
    await owner.questions.update({ questionId, definition: widthEdit(10) });
    let release!: () => void;
    gate.held = new Promise<void>((resolve) => (release = resolve));
    const entered = new Promise<void>((resolve) => (gate.entered = resolve));
    try {
      const validation = failureOf(() => owner.questions.validate({ questionId }));
      await entered;
      await owner.questions.update({ questionId, definition: widthEdit(12) });
      release();
      const refusal = await validation;
      expect(refusal.code).toBe("CONFLICT");
      expect(refusal.message).toBe("The question was changed while it was being validated: validate it again.");
      expect((refusal.cause as AppError).reason).toBe("question.changedDuringValidation");
    } finally {
      gate.held = null;
      gate.entered = null;
    }

    expect((await versionsOf(questionId))[1]).toMatchObject({ version: 2, definition: widthEdit(12), validation: null });
    expect((await failureOf(() => owner.questions.publish({ questionId }))).message).toBe("Run the validation on version 2 before publishing it.");
    // Validated again, the new content publishes.
    expect(await owner.questions.validate({ questionId })).toMatchObject({ version: 2, ok: true });
    expect(await owner.questions.publish({ questionId })).toEqual({ id: questionId, publishedVersion: 2 });
  });
});
