/**
 * Every input is looked at once at the edge, before zod and the database (lib/server/edge):
 * a NUL byte, which PostgreSQL refuses in text (SQLSTATE 22021) and which used to come back as a
 * 500 from every procedure that stores a string; nesting deeper than 64 levels, which used to
 * overflow the data transformer's recursion ("Maximum call stack size exceeded"); too many values
 * or too long a string; a body too large to read; a batch too large to run. Each is a 4xx whose
 * message names the field.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Answer, type Lang, sampleProblem } from "@/lib/problems";
import { DEFAULT_MAX_BODY_BYTES, MAX_BATCH_SIZE } from "@/lib/server/edge/trpc-http";
import type { SessionUser } from "@/lib/server/trpc";
import { callerFor, newUser, outcomeOf, poolingChoice } from "./courses-support";
import { errorOf, httpApi, ORIGIN } from "./http-support";
import { createTestDatabase, databaseKinds, type TestDatabase } from "./support/database";

const NUL = "\u0000";

/** A key written the way a learner would type it. */
function typed(answer: Answer): string {
  if (answer.kind === "shape") return answer.value.join("x");
  if (answer.kind === "matrix") return JSON.stringify(answer.value);
  if (answer.kind === "choices") return answer.value.join(", ");
  return String(answer.value);
}

/** `{"a": {"a": … 1 …}}`, `depth` objects deep. */
function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let level = 0; level < depth; level++) value = { a: value };
  return value;
}

describe.each(databaseKinds())("the input guard over HTTP, on %s", (kind) => {
  let database: TestDatabase;
  let api: ReturnType<typeof httpApi>;
  let instructor: SessionUser;
  let learner: SessionUser;
  let courseId: string;
  let joinCode: string;
  let bankId: string;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    api = httpApi({ db: database.prisma });
    instructor = await newUser(database.prisma, "instructor");
    learner = await newUser(database.prisma, "learner");
    const owner = callerFor(database.prisma, instructor);
    const course = await owner.courses.create({ title: "CNN basics" });
    courseId = course.id;
    joinCode = course.joinCode;
    bankId = (await owner.banks.create({ courseId, title: "Pooling" })).id;
  });

  afterAll(async () => {
    await database?.drop();
  });

  /** A 400 whose message and field errors name `field`, and nothing of it stored. */
  function expectRefused(reply: Awaited<ReturnType<typeof api.call>>, field: string, message: string) {
    expect(reply.status).toBe(400);
    const error = errorOf(reply);
    expect(error?.message).toBe(`${field}: ${message}`);
    expect(error?.data.fieldErrors).toEqual({ [field]: message });
    expect(reply.text).not.toMatch(/\.ts:\d+/);
  }

  it("refuses a NUL byte in a course title with a 400 naming the title, and stores nothing", async () => {
    const reply = await api.call("courses.create", { title: `CNN${NUL}basics` }, { method: "POST", user: instructor });
    expectRefused(reply, "title", "must not contain a NUL byte");
    expect(await database.prisma.course.count({ where: { title: { startsWith: "CNN" }, NOT: { id: courseId } } })).toBe(0);
  });

  it("tells a visitor to sign in before it parses or judges their input", async () => {
    const reply = await api.call("courses.join", { code: `AB${NUL}`, padding: Array.from({ length: 200_000 }, () => 0) }, { method: "POST", user: null });
    expect(reply.status).toBe(401);
  });

  it("refuses a NUL byte in a join code, which any learner can send", async () => {
    const reply = await api.call("courses.join", { code: `${joinCode.slice(0, 3)}${NUL}` }, { method: "POST", user: learner });
    expectRefused(reply, "code", "must not contain a NUL byte");
  });

  it("refuses a NUL byte in a bank title, new or renamed", async () => {
    expectRefused(await api.call("banks.create", { courseId, title: `Pool${NUL}ing` }, { method: "POST", user: instructor }), "title", "must not contain a NUL byte");
    expectRefused(await api.call("banks.rename", { bankId, title: `${NUL}` }, { method: "POST", user: instructor }), "title", "must not contain a NUL byte");
    expect((await callerFor(database.prisma, instructor).banks.list({ courseId })).map((bank) => bank.title)).toEqual(["Pooling"]);
  });

  it("refuses a NUL byte in a question's prompt, naming the path inside the definition", async () => {
    const definition = { ...poolingChoice, prompt: { en: `How many parameters?${NUL}` } };
    const reply = await api.call("questions.create", { bankId, definition }, { method: "POST", user: instructor });
    expectRefused(reply, "definition.prompt.en", "must not contain a NUL byte");
  });

  it("refuses a NUL byte in an object key, naming the object", async () => {
    const definition = { ...poolingChoice, [`ti${NUL}tle`]: "x" };
    const reply = await api.call("questions.create", { bankId, definition }, { method: "POST", user: instructor });
    expectRefused(reply, "definition", "has a key with a NUL byte");
  });

  it("refuses a NUL byte in the backend of a key-mismatch report on a real review, and a lone surrogate in its key", async () => {
    const caller = callerFor(database.prisma, learner);
    const issued = await caller.review.next();
    if (issued.status !== "issued") throw new Error(`expected a problem, got ${issued.status}`);
    const variant = await database.prisma.variant.findUniqueOrThrow({ where: { id: issued.variantId } });
    const key = sampleProblem({ template: variant.templateId, seed: variant.seed, lang: variant.lang as Lang }).answer;
    const graded = await caller.review.submit({ variantId: issued.variantId, answer: typed(key) });
    if (graded.status !== "graded") throw new Error("expected a graded answer");
    const reply = await api.call("review.reportMismatch", { reviewId: graded.reviewId, backend: `web${NUL}gl`, browserKey: [1, 2, 3] }, { method: "POST", user: learner });
    expectRefused(reply, "backend", "must not contain a NUL byte");
    // Half a surrogate pair in the JSON column: PostgreSQL's 22P05, a 500 the fuzz found.
    const lone = await api.call("review.reportMismatch", { reviewId: graded.reviewId, backend: "webgl", browserKey: [1, { note: "\uD800" }] }, { method: "POST", user: learner });
    expectRefused(lone, "browserKey.1.note", "must be valid Unicode text (it holds half of a surrogate pair)");
    expect(await database.prisma.keyMismatch.count({ where: { reviewId: graded.reviewId } })).toBe(0);
  });

  it("refuses a NUL byte in a GET query's input as well", async () => {
    const reply = await api.call("questions.list", { bankId: `${bankId}${NUL}` }, { method: "GET", user: instructor });
    expectRefused(reply, "bankId", "must not contain a NUL byte");
  });

  it("refuses an input nested 100,000 levels with the 64-level limit, not a stack overflow", async () => {
    const deep = `${'{"a":'.repeat(100_000)}1${"}".repeat(100_000)}`;
    const body = `{"json":{"bankId":"${bankId}","definition":${deep}}}`;
    const req = new Request(`${ORIGIN}/api/trpc/questions.create`, { method: "POST", headers: { "content-type": "application/json" }, body });
    const reply = await api.send(req, { user: instructor });
    expect(reply.status).toBe(400);
    const error = errorOf(reply)!;
    expect(error.message).toMatch(/^definition(\.a){63}: is nested deeper than 64 levels$/);
    expect(reply.text).not.toContain("call stack");
  });

  it("refuses deep nesting in one call of a batch, and names the field there too", async () => {
    const reply = await api.batch(["questions.create"], [{ bankId, definition: nested(200) }], { method: "POST", user: instructor });
    expect(reply.status).toBe(400);
    const [first] = reply.body as { error: { json: { message: string } } }[];
    expect(first!.error.json.message).toMatch(/^definition(\.a){63}: is nested deeper than 64 levels$/);
  });

  it("lets 64 levels through to the procedure's own schema and refuses 65 in-process too", async () => {
    const instructorCaller = callerFor(database.prisma, instructor);
    // The input object is level 1, so a definition of 63 nested objects reaches level 64.
    const atLimit = await outcomeOf(() => instructorCaller.questions.create({ bankId, definition: nested(63) }));
    expect(atLimit).toBe("BAD_REQUEST");
    await expect(instructorCaller.questions.create({ bankId, definition: nested(63) })).rejects.not.toThrow(/nested deeper/);
    await expect(instructorCaller.questions.create({ bankId, definition: nested(64) })).rejects.toThrow(/^definition(\.a){63}: is nested deeper than 64 levels$/);
  });

  it("refuses more than 100,000 values and a string over 100,000 characters before zod runs", async () => {
    const many = await api.call("review.reportMismatch", { reviewId: "00000000-0000-4000-8000-000000000000", backend: "webgl", browserKey: Array.from({ length: 100_000 }, () => 0) }, { method: "POST", user: learner });
    expect(many.status).toBe(400);
    expect(errorOf(many)?.message).toBe("browserKey: holds more than 100,000 values");
    const long = await api.call("courses.join", { code: "x".repeat(100_001) }, { method: "POST", user: learner });
    expectRefused(long, "code", "must be at most 100,000 characters");
  });

  it("lets a bank bundle be longer than the global string limit, as its procedure declares", async () => {
    const text = JSON.stringify({ format: "stride-bank", padding: "x".repeat(200_000) });
    const reply = await api.call("banks.import", { courseId, text }, { method: "POST", user: instructor });
    expect(reply.status).toBe(400);
    expect(errorOf(reply)?.message).not.toContain("100,000");
  });

  it("refuses a 50 MB body with 413 after reading no more than the ceiling", async () => {
    let pulled = 0;
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled >= 50 * 1024 * 1024) return controller.close();
        pulled += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const req = new Request(`${ORIGIN}/api/trpc/courses.create`, { method: "POST", headers: { "content-type": "application/json" }, body: stream, duplex: "half" } as RequestInit);
    const reply = await api.send(req, { user: instructor });
    expect(reply.status).toBe(413);
    expect(errorOf(reply)?.data.code).toBe("PAYLOAD_TOO_LARGE");
    expect(pulled).toBeLessThanOrEqual(DEFAULT_MAX_BODY_BYTES + 2 * chunk.byteLength);
  });

  it("refuses a declared 50 MB body before reading any of it", async () => {
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(1024));
      },
    });
    const req = new Request(`${ORIGIN}/api/trpc/courses.create`, {
      method: "POST",
      headers: { "content-type": "application/json", "content-length": String(50 * 1024 * 1024) },
      body: stream,
      duplex: "half",
    } as RequestInit);
    const reply = await api.send(req, { user: instructor });
    expect(reply.status).toBe(413);
    // A ReadableStream pulls once to fill its queue when it is created; nothing is read after that.
    expect(pulled).toBeLessThanOrEqual(1);
  });

  it(`runs a batch of ${MAX_BATCH_SIZE} calls and refuses one of ${MAX_BATCH_SIZE + 1}`, async () => {
    const paths = (n: number) => Array.from({ length: n }, () => "problems.list");
    const inputs = (n: number) => Array.from({ length: n }, () => undefined);
    const allowed = await api.batch(paths(MAX_BATCH_SIZE), inputs(MAX_BATCH_SIZE), { method: "GET" });
    expect(allowed.status).toBe(200);
    const refused = await api.batch(paths(MAX_BATCH_SIZE + 1), inputs(MAX_BATCH_SIZE + 1), { method: "GET" });
    expect(refused.status).toBe(400);
    expect(refused.text).toMatch(/batch/i);
  });

  it("reads a JSON body once: a body that is not JSON is a 400, a charset in its type and a batch are read as JSON", async () => {
    const post = (path: string, body: string, contentType = "application/json") =>
      api.send(new Request(`${ORIGIN}/api/trpc/${path}`, { method: "POST", headers: { "content-type": contentType }, body }), { user: learner });
    const broken = await post("courses.join", '{"json": {"code": ');
    expect(broken.status).toBe(400);
    expect(errorOf(broken)?.data.code).toBe("BAD_REQUEST");
    expect(errorOf(broken)?.message).toMatch(/JSON/);

    const typedWithCharset = await post("courses.join", JSON.stringify({ json: { code: "NOSUCHCODE" } }), "Application/JSON; charset=utf-8");
    expect(typedWithCharset.status).toBe(404);

    const batch = await api.send(
      new Request(`${ORIGIN}/api/trpc/courses.join,courses.join?batch=1`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ 0: { json: { code: "NOSUCHCODE" } }, 1: { json: { code: joinCode } } }),
      }),
      { user: learner },
    );
    expect(batch.status).toBe(207);
    expect((batch.body as { result?: unknown; error?: unknown }[]).map((entry) => ("result" in entry ? "result" : "error"))).toEqual(["error", "result"]);
  });

  it("still answers every query afterwards", async () => {
    expect(await database.prisma.$queryRaw`SELECT 1 AS one`).toEqual([{ one: 1 }]);
  });
});
