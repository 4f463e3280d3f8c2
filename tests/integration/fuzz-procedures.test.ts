/**
 * A fuzz over every tRPC procedure × every kind of caller, through the HTTP edge the route uses
 * (tests/integration/http-support.ts): fast-check draws arbitrary JSON, inputs shaped like the
 * procedures' own (their field names, the fixture's real ids, NUL bytes, huge and odd numbers),
 * and valid inputs with one field replaced, for anonymous, a learner of the course, its owner,
 * another instructor and a co-owner. Every answer must be below 500, carry no stack trace, and
 * the database must answer afterwards. Procedures are read from the router (`_def.procedures`),
 * so one added later is fuzzed without touching this file. Malformed requests (bodies that are
 * not JSON, wrong methods, unknown paths, batches too large or inconsistent) get the same checks.
 *
 * Bounded and seeded: FUZZ_RUNS inputs per procedure and caller, from FUZZ_SEED (override with
 * STRIDE_FUZZ_RUNS / STRIDE_FUZZ_SEED to search longer; a failure prints its seed and path).
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Answer, type Lang, sampleProblem } from "@/lib/problems";
import { bundleText } from "@/lib/server/questions/question-content";
import { createRequestLimiter } from "@/lib/server/rate-limit/request-limiter";
import { appRouter } from "@/lib/server/root";
import { TRPC_ENDPOINT } from "@/lib/server/edge/trpc-http";
import type { SessionUser } from "@/lib/server/trpc";
import { callerFor, newUser, plantedBadKernel, poolingChoice, strideQuestion } from "./courses-support";
import { type HttpReply, httpApi, ORIGIN } from "./http-support";
import { createTestDatabase, databaseKinds, type TestDatabase } from "./support/database";

const FUZZ_SEED = Number(process.env.STRIDE_FUZZ_SEED ?? 20_261_206);
const FUZZ_RUNS = Number(process.env.STRIDE_FUZZ_RUNS ?? 6);

type Person = "anonymous" | "learner" | "owner" | "otherInstructor" | "coOwner";
const PEOPLE: Person[] = ["anonymous", "learner", "owner", "otherInstructor", "coOwner"];

interface Fixture {
  courseId: string;
  joinCode: string;
  bankId: string;
  questionId: string;
  /** A problem issued to the learner and not yet answered. */
  variantId: string;
  /** The learner's answered review. */
  reviewId: string;
  cardId: string;
  coOwnerEmail: string;
  bundle: string;
  /** A published exam of the course, and the learner's attempt at it. */
  assessmentId: string;
  attemptId: string;
  /** The course's learner, whom an accommodation names. */
  learnerId: string;
}

const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { type: "query" | "mutation" | "subscription" } }>).map(
  ([path, procedure]) => ({ path, type: procedure._def.type }),
);

/** Calls that take the fixture away from the calls after them run last. */
const DESTRUCTIVE = new Set(["assessments.archive", "assessments.finish", "courses.leave", "banks.delete", "questions.archive", "review.undo"]);
const ordered = [...procedures].sort((a, b) => Number(DESTRUCTIVE.has(a.path)) - Number(DESTRUCTIVE.has(b.path)));

/** A well-formed input for each procedure, which the fuzz then bends one field at a time. */
const VALID: Record<string, (f: Fixture) => unknown> = {
  "account.setLocale": () => ({ locale: "zh-CN" }),
  // The fixture's people have no password, so a deletion is always refused (a 400 naming a field).
  "account.delete": () => ({ password: "not-the-password", confirmation: "learner@example.com" }),
  "assessments.list": (f) => ({ courseId: f.courseId }),
  "assessments.get": (f) => ({ assessmentId: f.assessmentId }),
  "assessments.save": (f) => ({ courseId: f.courseId, titleEn: "Quiz", kind: "exam", zones: [{ pool: [{ question: f.questionId }], draw: 1, points: 1 }], timeLimitMinutes: 30 }),
  "assessments.reorder": (f) => ({ courseId: f.courseId, assessmentIds: [f.assessmentId] }),
  "assessments.archive": (f) => ({ assessmentId: f.assessmentId }),
  "assessments.regradeCandidates": (f) => ({ assessmentId: f.assessmentId }),
  "assessments.regradePreview": (f) => ({ assessmentId: f.assessmentId, questionId: f.questionId }),
  "assessments.regradeApply": (f) => ({ assessmentId: f.assessmentId, questionId: f.questionId }),
  "assessments.regradeJob": (f) => ({ assessmentId: f.assessmentId, questionId: f.questionId }),
  "assessments.regradeHistory": (f) => ({ assessmentId: f.assessmentId }),
  "assessments.forCourse": (f) => ({ courseId: f.courseId }),
  "assessments.attempt": (f) => ({ assessmentId: f.assessmentId }),
  "assessments.start": (f) => ({ assessmentId: f.assessmentId, pledge: true }),
  "assessments.question": (f) => ({ attemptId: f.attemptId, position: 0 }),
  "assessments.answer": (f) => ({ attemptId: f.attemptId, position: 0, tryNumber: 0, answer: "0" }),
  "assessments.finish": (f) => ({ attemptId: f.attemptId }),
  "assessments.reportMismatch": (f) => ({ attemptId: f.attemptId, position: 0, tryNumber: 0, backend: "webgl", browserKey: [1, 2, 3] }),
  "banks.list": (f) => ({ courseId: f.courseId }),
  "banks.create": (f) => ({ courseId: f.courseId, title: "Padding" }),
  "banks.rename": (f) => ({ bankId: f.bankId, title: "Pooling, renamed" }),
  "banks.reorder": (f) => ({ courseId: f.courseId, bankIds: [f.bankId] }),
  "banks.delete": (f) => ({ bankId: f.bankId }),
  "banks.export": (f) => ({ bankId: f.bankId, format: "bundle", lang: "en" }),
  "banks.import": (f) => ({ courseId: f.courseId, text: f.bundle }),
  "courses.create": () => ({ title: "Another course", lang: "en", desiredRetention: 0.9 }),
  "courses.get": (f) => ({ courseId: f.courseId }),
  "courses.update": (f) => ({ courseId: f.courseId, title: "Renamed", desiredRetention: 0.85, timeZone: "Asia/Shanghai" }),
  "courses.addOwner": (f) => ({ courseId: f.courseId, email: f.coOwnerEmail }),
  "courses.regenerateCode": (f) => ({ courseId: f.courseId }),
  "courses.join": (f) => ({ code: f.joinCode }),
  "courses.leave": (f) => ({ courseId: f.courseId }),
  "gradebook.course": (f) => ({ courseId: f.courseId }),
  "gradebook.attempt": (f) => ({ attemptId: f.attemptId }),
  "gradebook.overrideScore": (f) => ({ attemptId: f.attemptId, score: 0.5, reason: "Marked by hand" }),
  "gradebook.accommodate": (f) => ({ assessmentId: f.assessmentId, userId: f.learnerId, dueAt: "2026-12-10T17:00", lateUntil: null, extraMinutes: 15 }),
  "gradebook.statistics": (f) => ({ assessmentId: f.assessmentId }),
  "gradebook.csv": (f) => ({ courseId: f.courseId, format: "moodle" }),
  "gradebook.syncRoster": (f) => ({ courseId: f.courseId }),
  "engine.check": () => ({ seed: 7, offset: 0, count: 5 }),
  "problems.preview": () => ({ template: "conv.output-size", seed: 7, lang: "zh-CN" }),
  "progress.get": () => ({ page: 1 }),
  "progress.export": () => ({ format: "json" }),
  "progress.prompt": (f) => ({ reviewId: f.reviewId }),
  "questions.list": (f) => ({ bankId: f.bankId, archived: false }),
  // A custom question with variables, a formula and misconceptions, and one keyed by an engine spec.
  "questions.create": (f) => ({ bankId: f.bankId, definition: strideQuestion }),
  "questions.update": (f) => ({ questionId: f.questionId, definition: plantedBadKernel }),
  "questions.preview": (f) => ({ questionId: f.questionId, seed: 3, lang: "en" }),
  "questions.validate": (f) => ({ questionId: f.questionId }),
  "questions.publish": (f) => ({ questionId: f.questionId }),
  "questions.reorder": (f) => ({ bankId: f.bankId, questionIds: [f.questionId] }),
  "questions.archive": (f) => ({ questionId: f.questionId }),
  "review.practice": () => ({ topics: ["pooling"], difficulty: "easy" }),
  "review.submit": (f) => ({ variantId: f.variantId, answer: "16x15x15" }),
  "review.rate": (f) => ({ reviewId: f.reviewId, rating: 3 }),
  "review.undo": (f) => ({ reviewId: f.reviewId }),
  "review.finishWalkthrough": (f) => ({ cardId: f.cardId }),
  "review.reportMismatch": (f) => ({ reviewId: f.reviewId, backend: "webgl", browserKey: [1, 2, 3] }),
  "review.syncOfflinePractice": () => ({
    items: [{ id: "6f1c2b1e-8a4d-4c1e-9f3a-2b7d5e0c9a11", template: "conv.output-size", seed: 7, lang: "en", answer: "16x15x15", answeredAt: "2026-04-01T07:00:00.000Z", elapsedMs: 30_000 }],
  }),
  "settings.update": () => ({ desiredRetention: 0.9, dailyNewLimit: 12, locale: "en", timeZone: "Pacific/Kiritimati" }),
  "settings.reportTimeZone": () => ({ timeZone: "Pacific/Pago_Pago" }),
  "statistics.course": (f) => ({ courseId: f.courseId }),
  "statistics.csv": (f) => ({ courseId: f.courseId, what: "items" }),
};

/** Field names the procedures read, so shaped inputs reach past "unknown key" into the schemas. */
const FIELDS = [
  ...new Set(
    Object.values(VALID).flatMap((make) => {
      const input = make({} as Fixture);
      return input && typeof input === "object" ? Object.keys(input) : [];
    }),
  ),
];

/** Every path to a value inside `value` (the root too), so a bend can reach into a definition. */
function pathsOf(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  const inner =
    Array.isArray(value) ? value.flatMap((entry, index) => pathsOf(entry, [...at, index]))
    : value && typeof value === "object" ? Object.entries(value).flatMap(([key, entry]) => pathsOf(entry, [...at, key]))
    : [];
  return [at, ...inner];
}

/** A copy of `value` with what is at `path` replaced. */
function replaced(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  copy[head!] = replaced(copy[head!], rest, replacement);
  return copy;
}

/** A stack trace or a source location in a body means an error escaped as it was. */
const STACK = /\n\s+at |\bat [\w.<>]+ \(|\.tsx?:\d+|node_modules\//;

function expectSound(reply: HttpReply, what: string) {
  expect(reply.status, `${what} answered ${reply.status}: ${reply.text.slice(0, 300)}`).toBeLessThan(500);
  expect(reply.status, what).toBeGreaterThanOrEqual(200);
  expect(reply.text, `${what} showed a stack`).not.toMatch(STACK);
}

/** A key written the way a learner would type it. */
function typed(answer: Answer): string {
  if (answer.kind === "shape") return answer.value.join("x");
  if (answer.kind === "matrix") return JSON.stringify(answer.value);
  if (answer.kind === "choices") return answer.value.join(", ");
  return String(answer.value);
}

describe.each(databaseKinds())("a fuzz over every procedure and caller on %s", (kind) => {
  let database: TestDatabase;
  let people: Record<Person, SessionUser | null>;
  let fixture: Fixture;
  let api: ReturnType<typeof httpApi>;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const db = database.prisma;
    // The limiter runs on every call (with limits nobody reaches) so its queries are fuzzed too.
    api = httpApi({ db, limiter: createRequestLimiter({ db, limits: { windowSeconds: 60, userPoints: 1e9, ipPoints: 1e9, anonymousPoints: 1e9 } }) });
    people = {
      anonymous: null,
      learner: await newUser(db, "learner"),
      owner: await newUser(db, "instructor"),
      otherInstructor: await newUser(db, "instructor"),
      coOwner: await newUser(db, "instructor"),
    };
    const owner = callerFor(db, people.owner);
    const course = await owner.courses.create({ title: "CNN basics" });
    await owner.courses.addOwner({ courseId: course.id, email: people.coOwner!.email });
    const learner = callerFor(db, people.learner);
    await learner.courses.join({ code: course.joinCode });
    const bank = await owner.banks.create({ courseId: course.id, title: "Pooling" });
    const question = await owner.questions.create({ bankId: bank.id, definition: poolingChoice });
    await owner.questions.validate({ questionId: question.id });
    await owner.questions.publish({ questionId: question.id });
    const answered = await learner.review.next();
    if (answered.status !== "issued") throw new Error(`expected a problem, got ${answered.status}`);
    const variant = await db.variant.findUniqueOrThrow({ where: { id: answered.variantId } });
    const key =
      variant.questionVersionId === null ? typed(sampleProblem({ template: variant.templateId, seed: variant.seed, lang: variant.lang as Lang }).answer) : "0";
    const graded = await learner.review.submit({ variantId: answered.variantId, answer: key });
    if (graded.status !== "graded") throw new Error("expected a graded answer");
    const open = await learner.review.next();
    if (open.status !== "issued") throw new Error(`expected a second problem, got ${open.status}`);
    const card = await db.card.findFirstOrThrow({ where: { userId: people.learner!.id } });
    const exam = await owner.assessments.save({ courseId: course.id, titleEn: "Quiz", kind: "exam", zones: [{ pool: [{ question: question.id }], draw: 1, points: 1, pointsPerTry: [1, 0.5] }], published: true });
    const { attemptId } = await learner.assessments.start({ assessmentId: exam.id });
    fixture = {
      courseId: course.id,
      joinCode: course.joinCode,
      bankId: bank.id,
      questionId: question.id,
      variantId: open.variantId,
      reviewId: graded.reviewId,
      cardId: card.id,
      coOwnerEmail: people.coOwner!.email,
      bundle: bundleText({ title: "Imported", questions: [{ key: "q1", versions: [{ version: 1, published: true, definition: poolingChoice }] }] }),
      assessmentId: exam.id,
      attemptId,
      learnerId: people.learner!.id,
    };
  }, 180_000);

  afterAll(async () => {
    await database?.drop();
  });

  function inputs(path: string): fc.Arbitrary<unknown> {
    const ids = fc.constantFrom(
      fixture.courseId,
      fixture.bankId,
      fixture.questionId,
      fixture.variantId,
      fixture.reviewId,
      fixture.cardId,
      fixture.joinCode,
      fixture.coOwnerEmail,
      fixture.assessmentId,
      fixture.attemptId,
      "00000000-0000-4000-8000-000000000000",
      "conv.output-size",
    );
    const odd = fc.constantFrom(
      ...["", "\u0000", "a\u0000b", "\uD800", "x".repeat(5_000), "zh-CN", "csv", "grades", "moodle", "{{s}}", "{{", "$$", "<script>", "[x](javascript:alert(1))"],
      // Formulas that broke the formula evaluator once (issue 11, item 4).
      ...["constructor(a)", "toString(a)", "__proto__(a)", "hasOwnProperty(a)", "a/(a-a)", `${"-".repeat(5_000)}1`, Array.from({ length: 2_000 }, () => "s").join("+")],
      ...[-1, 0, 2 ** 31, 2 ** 53, 1e308, -0, 0.5, true, null, [], {}],
    );
    const scalar = fc.oneof(fc.string({ unit: "binary" }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), ids, odd);
    const { value } = fc.letrec<{ value: unknown }>((tie) => ({
      value: fc.oneof({ depthSize: "small", withCrossShrink: true }, scalar, fc.array(tie("value"), { maxLength: 4 }), fc.dictionary(fc.constantFrom(...FIELDS), tie("value"), { maxKeys: 4 })),
    }));
    const shaped = fc.dictionary(fc.oneof(fc.constantFrom(...FIELDS), fc.string({ unit: "binary", maxLength: 8 })), value, { maxKeys: 5 });
    const valid = VALID[path]?.(fixture);
    // The valid input with one value replaced, at any depth (a field, a variable's values, a layer of a spec).
    const bent = valid === undefined ? shaped : fc.tuple(fc.constantFrom(...pathsOf(valid)), value).map(([at, replacement]) => replaced(valid, at, replacement));
    return fc.oneof(fc.jsonValue({ maxDepth: 3 }), shaped, bent, bent, fc.constant(valid));
  }

  it.each(ordered.map((procedure) => [procedure.path, procedure.type] as const))("%s (%s) never answers 5xx or a stack, for anyone", async (path, type) => {
    const method = type === "query" ? "GET" : "POST";
    for (const [index, person] of PEOPLE.entries()) {
      await fc.assert(
        fc.asyncProperty(inputs(path), async (input) => {
          const reply = await api.call(path, input, { method, user: people[person], ip: `198.51.100.${index + 1}` });
          expectSound(reply, `${path} as ${person} with ${JSON.stringify(input)?.slice(0, 200)}`);
        }),
        { seed: FUZZ_SEED + index, numRuns: FUZZ_RUNS },
      );
    }
    expect(await database.prisma.$queryRaw`SELECT 1 AS one`).toEqual([{ one: 1 }]);
  });

  it("answers a session whose account was deleted (its signed copy is trusted for a minute) on every procedure without a 500, and writes nothing for it", async () => {
    const db = database.prisma;
    const ghosts = [await newUser(db, "learner"), await newUser(db, "instructor")];
    await db.user.deleteMany({ where: { id: { in: ghosts.map((ghost) => ghost.id) } } });
    for (const ghost of ghosts) {
      for (const { path, type } of ordered.filter((procedure) => !DESTRUCTIVE.has(procedure.path))) {
        const reply = await api.call(path, VALID[path]?.(fixture), { method: type === "query" ? "GET" : "POST", user: ghost, ip: "198.51.100.77" });
        expectSound(reply, `${path} as a deleted ${ghost.role}`);
      }
    }
    // What needs the account's row is told the account is gone (these were 500s).
    for (const path of ["account.setLocale", "review.next", "settings.update"]) {
      const { type } = procedures.find((procedure) => procedure.path === path)!;
      const reply = await api.call(path, VALID[path]?.(fixture), { method: type === "query" ? "GET" : "POST", user: ghosts[0]!, ip: "198.51.100.77" });
      expect(reply.status, path).toBe(401);
      expect(reply.text, path).toContain("This account no longer exists");
    }
    // Nothing was written for them: their account is not brought back by a stale session.
    const ids = ghosts.map((ghost) => ghost.id);
    expect(await db.user.count({ where: { id: { in: ids } } })).toBe(0);
    expect(await db.variant.count({ where: { userId: { in: ids } } })).toBe(0);
    expect(await db.card.count({ where: { userId: { in: ids } } })).toBe(0);
  });

  it("never answers 5xx or a stack to a malformed request", async () => {
    const url = (path: string, query = "") => `${ORIGIN}${TRPC_ENDPOINT}/${path}${query}`;
    const malformed: [string, Request][] = [];
    for (const { path, type } of procedures) {
      // The other method than the procedure's.
      malformed.push([`${path} by the wrong method`, type === "query" ? new Request(url(path), { method: "POST", body: "{}" }) : new Request(url(path, "?input=%7B%7D"))]);
      malformed.push([`${path} with a body that is not JSON`, new Request(url(path), { method: "POST", headers: { "content-type": "application/json" }, body: '{"json": ' })]);
      malformed.push([`${path} with ?input that is not JSON`, new Request(url(path, "?input=%7B%22json"))]);
    }
    const first = procedures[0]!.path;
    malformed.push(
      ["an unknown procedure", new Request(url("nope.nothing"))],
      ["an empty path", new Request(url(""))],
      ["a path of commas", new Request(url(",,,", "?batch=1"))],
      ["a batch of 500", new Request(url(Array.from({ length: 500 }, () => first).join(","), "?batch=1"))],
      ["a batch whose inputs are an array", new Request(url(`${first},${first}`, `?batch=1&input=${encodeURIComponent("[1,2]")}`))],
      ["a batch input for a call that is not there", new Request(url(first, `?batch=1&input=${encodeURIComponent('{"7":{"json":1}}')}`))],
      ["a form body", new Request(url("courses.create"), { method: "POST", headers: { "content-type": "multipart/form-data; boundary=x" }, body: "--x\r\nContent-Disposition: form-data; name=title\r\n\r\nA\r\n--x--" })],
      ["an octet stream", new Request(url("courses.create"), { method: "POST", headers: { "content-type": "application/octet-stream" }, body: new Uint8Array([0, 1, 2, 255]) })],
      ["a PUT", new Request(url("courses.create"), { method: "PUT", body: "{}" })],
      ["a DELETE", new Request(url("courses.list"), { method: "DELETE" })],
      ["a NUL in the path", new Request(url("courses.list%00"))],
      ["percent-encoding that does not decode", new Request(url("courses.%E0%A4%A"))],
    );
    for (const [what, req] of malformed) {
      for (const user of [null, people.owner]) expectSound(await api.send(req.clone(), { user }), what);
    }
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...procedures.map((procedure) => procedure.path)), fc.string({ unit: "binary", maxLength: 200 }), fc.boolean(), async (path, body, batch) => {
        const req = new Request(url(path, batch ? "?batch=1" : ""), { method: "POST", headers: { "content-type": "application/json" }, body });
        expectSound(await api.send(req, { user: people.learner }), `${path} with the body ${JSON.stringify(body)}`);
      }),
      { seed: FUZZ_SEED, numRuns: 100 },
    );
    expect(await database.prisma.$queryRaw`SELECT 1 AS one`).toEqual([{ one: 1 }]);
  });

  it("fuzzes every procedure the router has, each with a well-formed input or none", () => {
    const withoutInput = ["account.me", "account.export", "account.deletionPlan", "account.signInMethods", "courses.list", "problems.list", "review.next", "review.practiceCourses", "settings.get", "settings.optimize", "settings.resetParameters"];
    expect(procedures.map((procedure) => procedure.path).filter((path) => !VALID[path] && !withoutInput.includes(path))).toEqual([]);
  });
});
