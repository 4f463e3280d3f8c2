/**
 * Quizzes and exams probed over HTTP as a browser or a script reaches them (issue 14): an attempt
 * is its learner's alone (another learner's calls answer 404 and change nothing), and no payload
 * carries the key, the engine check, the worked solution or a seed before the review options
 * allow it; an exam question with tries left never shows its key, since it would answer the next
 * try.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/server/trpc";
import { callerFor, newUser, strideQuestion } from "./courses-support";
import { errorOf, httpApi } from "./http-support";
import { createTestDatabase, databaseKinds, type TestDatabase } from "./support/database";

/** Every key of a JSON document at any depth, with its value. */
function entriesOf(value: unknown): [string, unknown][] {
  if (Array.isArray(value)) return value.flatMap(entriesOf);
  if (value && typeof value === "object") return Object.entries(value).flatMap(([key, entry]) => [[key, entry] as [string, unknown], ...entriesOf(entry)]);
  return [];
}

/** Keys that hold (part of) the key: absent, or null while hidden. */
const SECRETS = ["check", "seed", "key", "expected", "solution", "solutionHtml", "feedbackHtml", "figure"];

function revealed(value: unknown): string[] {
  return entriesOf(value)
    // `visible.solution` is the review options' flag (a boolean), not a solution.
    .filter(([key, entry]) => SECRETS.includes(key) && entry !== null && typeof entry !== "boolean")
    .map(([key]) => key);
}

const dataOf = (reply: { body: unknown }) => (reply.body as { result: { data: { json: unknown } } }).result.data.json;

describe.each(databaseKinds())("a learner's attempts over HTTP on %s", (kind) => {
  let database: TestDatabase;
  let api: ReturnType<typeof httpApi>;
  let learner: SessionUser;
  let peer: SessionUser;
  let assessmentId: string;
  let attemptId: string;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const db = database.prisma;
    api = httpApi({ db });
    const instructor = await newUser(db, "instructor");
    learner = await newUser(db, "learner");
    peer = await newUser(db, "learner");
    const teach = callerFor(db, instructor, () => new Date());
    const course = await teach.courses.create({ title: "CNN" });
    const bank = await teach.banks.create({ courseId: course.id, title: "Strides" });
    const question = await teach.questions.create({ bankId: bank.id, definition: strideQuestion });
    await teach.questions.validate({ questionId: question.id });
    await teach.questions.publish({ questionId: question.id });
    ({ id: assessmentId } = await teach.assessments.save({
      courseId: course.id,
      titleEn: "Quiz",
      kind: "exam",
      zones: [{ pool: [{ question: question.id }], draw: 1, points: 10, pointsPerTry: [10, 7, 5] }],
      showSolution: "immediately",
      published: true,
    }));
    for (const person of [learner, peer]) await callerFor(db, person).courses.join({ code: course.joinCode });
    const started = await api.call("assessments.start", { assessmentId }, { method: "POST", user: learner });
    expect(started.status).toBe(200);
    ({ attemptId } = dataOf(started) as { attemptId: string });
  });

  afterAll(async () => {
    await database?.drop();
  });

  it("sends the attempt and its question without key, check, solution or seed, and holds them back after a wrong try with tries left", async () => {
    const attempt = await api.call("assessments.attempt", { assessmentId }, { method: "GET", user: learner });
    expect(attempt.status).toBe(200);
    expect(revealed(dataOf(attempt))).toEqual([]);
    const question = await api.call("assessments.question", { attemptId, position: 0 }, { method: "GET", user: learner });
    expect(question.status).toBe(200);
    expect(revealed(dataOf(question))).toEqual([]);
    const wrong = await api.call("assessments.answer", { attemptId, position: 0, tryNumber: 0, answer: "99" }, { method: "POST", user: learner });
    expect(wrong.status).toBe(200);
    expect(dataOf(wrong)).toMatchObject({ status: "graded", correct: false, state: { triesLeft: 2 } });
    expect(revealed(dataOf(wrong))).toEqual([]);
    const again = await api.call("assessments.question", { attemptId, position: 0 }, { method: "GET", user: learner });
    expect(revealed(dataOf(again))).toEqual([]);

    // Answered right, the question is done and the options show the key at once: now it comes.
    const prompt = (dataOf(again) as { problem: { prompt: string } }).problem.prompt;
    const width = Math.floor((8 - 3) / Number(/stride (\d+)/.exec(prompt)?.[1])) + 1;
    const right = await api.call("assessments.answer", { attemptId, position: 0, tryNumber: 1, answer: String(width) }, { method: "POST", user: learner });
    expect(dataOf(right)).toMatchObject({ correct: true, earned: 7, solution: { expected: { kind: "integer", value: width } } });
    expect(revealed(dataOf(right))).toEqual(expect.arrayContaining(["solution", "expected", "solutionHtml", "feedbackHtml"]));
    expect(revealed(dataOf(right))).not.toContain("seed");
  });

  it.each([
    ["assessments.question", "GET", () => ({ attemptId, position: 0 })],
    ["assessments.answer", "POST", () => ({ attemptId, position: 0, tryNumber: 1, answer: "6" })],
    ["assessments.finish", "POST", () => ({ attemptId })],
  ] as const)("%s on another learner's attempt answers 404 and changes nothing", async (path, method, input) => {
    const before = await database.prisma.assessmentAttempt.findUniqueOrThrow({ where: { id: attemptId }, include: { questions: { include: { tries: true } } } });
    const reply = await api.call(path, input(), { method, user: peer });
    expect(reply.status).toBe(404);
    expect(errorOf(reply)?.data.code).toBe("NOT_FOUND");
    expect(await database.prisma.assessmentAttempt.findUniqueOrThrow({ where: { id: attemptId }, include: { questions: { include: { tries: true } } } })).toEqual(before);
  });
});
