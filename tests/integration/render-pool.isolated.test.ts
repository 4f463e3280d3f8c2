/**
 * The review cycle with its typesetting on a render thread (lib/server/workers/render-pool.ts), as
 * `npm start` runs it; the other tests typeset on their own thread (vitest.config.ts). The HTML a
 * learner gets is the renderer's, byte for byte (once the browser has typeset the formulas the
 * review calls leave to it: math-in-browser.ts), and what the server typeset whole was made on
 * another thread.
 */
import { threadId } from "node:worker_threads";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type Lang, sampleProblem } from "@/lib/problems";
import { gradeAnswer } from "@/lib/grading";
import { typesetPendingMath } from "@/lib/server/markdown/math-in-browser";
import { renderMarkdown } from "@/lib/server/markdown/render-markdown";
import { closeRenderPool, getRenderPool } from "@/lib/server/workers/render-pool";
import { typedAnswer } from "@/lib/server/demo/typed-answer";
import { callerFor, newUser } from "./courses-support";
import { createTestDatabase, type TestDatabase } from "./support/database";

vi.stubEnv("STRIDE_RENDER_THREADS", "1");

describe("the review cycle typeset on a render thread (PGlite)", () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase("pglite");
  });

  afterAll(async () => {
    await closeRenderPool();
    await database?.drop();
  });

  it("issues and grades with the renderer's HTML, made off the request thread", async () => {
    const learner = await newUser(database.prisma, "learner");
    const caller = callerFor(database.prisma, learner);
    const issued = await caller.review.next();
    if (issued.status !== "issued") throw new Error(`expected a problem, got ${issued.status}`);

    const variant = await database.prisma.variant.findUniqueOrThrow({ where: { id: issued.variantId } });
    const problem = sampleProblem({ template: variant.templateId, seed: variant.seed, lang: variant.lang as Lang });
    expect(typesetPendingMath(issued.problem.promptHtml)).toBe(renderMarkdown(problem.prompt));
    expect(issued.problem.options?.map((option) => typesetPendingMath(option.html)) ?? null).toEqual(problem.options?.map((option) => renderMarkdown(option.text)) ?? null);

    const pool = getRenderPool();
    expect(pool).not.toBeNull();
    expect(pool!.history.every((task) => task.name === "renderDocuments" && task.threadId !== threadId)).toBe(true);

    const answer = typedAnswer(problem.answer);
    const graded = await caller.review.submit({ variantId: issued.variantId, answer });
    if (graded.status !== "graded") throw new Error(`expected a grade, got ${graded.status}`);
    expect(graded.correct).toBe(true);
    expect(typesetPendingMath(graded.solutionHtml)).toBe(renderMarkdown(problem.solution));
    const feedback = gradeAnswer({ problem, answer });
    if (!feedback.gradable) throw new Error("the key should be gradable");
    const typesetFeedback = Object.fromEntries(Object.entries(graded.feedbackHtml).map(([lang, html]) => [lang, typesetPendingMath(html)]));
    expect(typesetFeedback).toEqual(Object.fromEntries(Object.entries(feedback.feedback).map(([lang, text]) => [lang, renderMarkdown(text)])));
    expect(pool!.history.every((task) => task.threadId !== threadId)).toBe(true);
  });

  it("answers a format error in the learner's words, typeset on the thread too", async () => {
    const learner = await newUser(database.prisma, "learner");
    const caller = callerFor(database.prisma, learner);
    const issued = await caller.review.next();
    if (issued.status !== "issued") throw new Error(`expected a problem, got ${issued.status}`);
    const result = await caller.review.submit({ variantId: issued.variantId, answer: "not an answer at all" });
    if (result.status !== "format-error") throw new Error(`expected a format error, got ${result.status}`);
    expect(result.formatErrorHtml).toEqual(Object.fromEntries(Object.entries(result.formatError).map(([lang, text]) => [lang, renderMarkdown(text)])));
    expect(getRenderPool()!.history.some((task) => task.name === "renderDocuments" && task.threadId !== threadId)).toBe(true);
  });
});
