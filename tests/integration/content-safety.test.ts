/**
 * Issue 11, items 1, 4 and 5 end to end: what an instructor writes reaches learners sanitised, and
 * a formula or spec built to blow the stack is refused with a 400 naming the field and the cap.
 */
import type { TRPCError } from "@trpc/server";
import { fromHtml } from "hast-util-from-html";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CustomQuestion, QuestionDefinition } from "@/lib/questions";
import { AppError } from "@/lib/server/errors";
import { typesetPendingMath } from "@/lib/server/markdown/math-in-browser";
import { createQuestion } from "@/lib/server/questions/create-question";
import { compositePath, nestedSpec, nestedSpecText, sequentialPath } from "../engine/nested-spec";
import { urlAttributes } from "../server/markdown/url-attributes";
import { callerFor, failureOf, newUser, outcomeOf, strideQuestion as strideDefinition } from "./courses-support";
import { errorOf, httpApi } from "./http-support";
import { createTestDatabase, databaseKinds, type TestDatabase } from "./support/database";

const strideQuestion = strideDefinition as CustomQuestion;

/** Links to scripts written every way issue 11 lists: inline, image, upper case, data:, entity-encoded, autolink, reference. */
const LINKS = "[d2l](javascript:alert(1)) ![fig](javascript:alert(2)) [up](JAVASCRIPT:alert(3)) [d](data:text/html,<script>alert(4)</script>) [e](jav&#x61;script:alert(5)) <javascript:alert(6)> [ref][r]\n\n[r]: vbscript:msgbox(7)\n\n<img src=x onerror=alert(8)>";

/** Stride 2 only, so the "stride ignored" misconception (8 − 3 + 1 = 6) differs from the key ⌊5/2⌋ + 1 = 3 (d2l 6.3). */
const hostileCustom: QuestionDefinition = {
  ...strideQuestion,
  prompt: { en: `Input width 8, kernel width 3, no padding, stride {{s}}: how wide is the output? ${LINKS}` },
  variables: [{ name: "s", values: [2] }],
  solution: { en: `$\\lfloor 5/{{s}} \\rfloor + 1 = {{answer}}$, see ${LINKS}` },
  misconceptions: [{ id: "stride-ignored", formula: "8 - 3 + 1", message: { en: `You ignored the stride. ${LINKS}`, "zh-CN": `你忽略了步幅。${LINKS}` } }],
};

const hostileChoice: QuestionDefinition = {
  kind: "fixed",
  title: { en: "Parameters of max pooling" },
  topic: "pooling",
  difficulty: "easy",
  prompt: { en: `How many trainable parameters does a $2 \\times 2$ max-pooling layer have? ${LINKS}` },
  answer: {
    format: "choice",
    options: [
      { text: { en: "[four](javascript:alert(9))" }, correct: false },
      { text: { en: "<javascript:alert(10)> zero" }, correct: true },
    ],
  },
  explanation: { en: `A pooling layer has no kernel to learn (d2l 6.5). ${LINKS}` },
};

function liveUrls(html: string): string[] {
  return urlAttributes(fromHtml(html, { fragment: true }));
}

/** An input refused by zod at the edge of the procedure: its issues' paths and messages. */
function inputIssues(error: TRPCError): { path: string; message: string }[] {
  const issues = (error.cause as { issues?: { path: PropertyKey[]; message: string }[] } | undefined)?.issues ?? [];
  return issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message }));
}

const CAP_MESSAGE = `layer ${sequentialPath(17)} (sequential): composites nest more than 16 levels deep, the engine's cap (the zoo's deepest network nests 3)`;

/** `strideQuestion` keyed by the engine from a fixed spec (the output shape of a dense layer). */
function engineKeyed(spec: unknown): QuestionDefinition {
  return { ...strideQuestion, misconceptions: undefined, answer: { kind: "shape", engine: { mode: "analyze", spec: spec as never, select: "outputShape" } } };
}

describe.each(databaseKinds())("content safety on %s", (kind) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });

  afterAll(async () => {
    await database?.drop();
  });

  async function ownerWithBank() {
    const instructor = await newUser(database.prisma, "instructor");
    const owner = callerFor(database.prisma, instructor);
    const course = await owner.courses.create({ title: "Safety" });
    const bank = await owner.banks.create({ courseId: course.id, title: "Week 1" });
    return { instructor, owner, course, bank };
  }

  it("an instructor's script links are validated and published, yet reach the learner with no live javascript:, data: or vbscript: URL", async () => {
    const db = database.prisma;
    const { owner, course, bank } = await ownerWithBank();
    const custom = await owner.questions.create({ bankId: bank.id, definition: hostileCustom });
    const choice = await owner.questions.create({ bankId: bank.id, definition: hostileChoice });
    for (const question of [custom, choice]) {
      expect((await owner.questions.validate({ questionId: question.id })).ok).toBe(true);
      await owner.questions.publish({ questionId: question.id });
    }

    const learner = callerFor(db, await newUser(db, "learner"));
    await learner.courses.join({ code: course.joinCode });
    const first = await learner.review.next();
    if (first.status !== "issued") throw new Error(`expected a problem, got ${first.status}`);
    expect(first.problem.template).toBe(`question:${custom.id}`);
    expect(first.problem.promptHtml).toContain("how wide is the output?");
    expect(liveUrls(first.problem.promptHtml)).toEqual([]);
    // The links stay as text a learner can read, their targets gone.
    expect(first.problem.promptHtml).toContain("<a>d2l</a>");

    const graded = await learner.review.submit({ variantId: first.variantId, answer: "6" });
    if (graded.status !== "graded") throw new Error(`expected a grade, got ${graded.status}`);
    expect(graded.mistake).toBe("stride-ignored");
    expect(graded.feedbackHtml.en).toContain("You ignored the stride.");
    expect(graded.feedbackHtml["zh-CN"]).toContain("你忽略了步幅。");
    // The solution's formula comes as TeX for the browser to typeset (math-in-browser.ts), and
    // typeset it is the server renderer's markup, still with nothing live in it.
    expect(graded.solutionHtml).toContain('<span class="tex-pending" data-display="inline">\\lfloor 5/2 \\rfloor + 1 = 3</span>');
    expect(typesetPendingMath(graded.solutionHtml)).toContain('class="katex"');
    for (const html of [graded.solutionHtml, typesetPendingMath(graded.solutionHtml), graded.feedbackHtml.en, graded.feedbackHtml["zh-CN"]]) expect(liveUrls(html)).toEqual([]);

    const second = await learner.review.next();
    if (second.status !== "issued") throw new Error(`expected a problem, got ${second.status}`);
    expect(second.problem.template).toBe(`question:${choice.id}`);
    expect(second.problem.options?.map((option) => option.id)).toEqual(["A", "B"]);
    for (const html of [second.problem.promptHtml, ...(second.problem.options ?? []).map((option) => option.html)]) expect(liveUrls(html)).toEqual([]);
    const explained = await learner.review.submit({ variantId: second.variantId, answer: "B" });
    if (explained.status !== "graded") throw new Error(`expected a grade, got ${explained.status}`);
    expect(explained.correct).toBe(true);
    expect(explained.solutionHtml).toContain("A pooling layer has no kernel to learn");
    expect(liveUrls(explained.solutionHtml)).toEqual([]);
    expect(explained.solutionHtml).not.toContain("onerror");
  });

  it.each([
    ["constructor(s)", 'derived.0.formula: formula "constructor(s)": the function "constructor" is not allowed'],
    ["toString(s)", 'derived.0.formula: formula "toString(s)": the function "toString" is not allowed'],
    ["hasOwnProperty(s)", 'derived.0.formula: formula "hasOwnProperty(s)": the function "hasOwnProperty" is not allowed'],
    ["__proto__(s)", 'derived.0.formula: formula "__proto__(s)": the function "__proto__" is not allowed'],
    ["valueOf(s)", 'derived.0.formula: formula "valueOf(s)": the function "valueOf" is not allowed'],
  ])("refuses the formula %s with a 400 naming its field", async (formula, message) => {
    const { owner, bank } = await ownerWithBank();
    const error = await failureOf(() => owner.questions.create({ bankId: bank.id, definition: { ...strideQuestion, derived: [{ name: "w", formula }] } }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message.startsWith(message)).toBe(true);
  });

  it("refuses a 20,000-term formula and 5,000 unary minuses with a 400 naming the field and the cap", async () => {
    const { owner, bank } = await ownerWithBank();
    const long = await failureOf(() => owner.questions.create({ bankId: bank.id, definition: { ...strideQuestion, answer: { kind: "integer", formula: Array.from({ length: 20_000 }, () => "s").join("+") } } }));
    expect(long.code).toBe("BAD_REQUEST");
    expect(long.message).toMatch(/^answer\.formula: formula "s\+s\+.*…" is 39,999 characters long, over the limit of 1,000$/);
    const minuses = await failureOf(() => owner.questions.create({ bankId: bank.id, definition: { ...strideQuestion, answer: { kind: "integer", formula: `${"-".repeat(5_000)}s` } } }));
    expect(minuses.message).toMatch(/^answer\.formula: formula .* is 5,001 characters long, over the limit of 1,000$/);
    const existing = await owner.questions.create({ bankId: bank.id, definition: strideQuestion });
    const nested = await failureOf(() => owner.questions.update({ questionId: existing.id, definition: { ...strideQuestion, answer: { kind: "integer", formula: `${"-".repeat(500)}s` } } }));
    expect(nested.code).toBe("BAD_REQUEST");
    expect(nested.message).toMatch(/^answer\.formula: formula .* nests 500 levels deep \(brackets, unary signs and powers\), over the limit of 32$/);
  });

  it("refuses an engine spec nested past the cap in questions.create with a 400 naming the cap and the layer, never a stack overflow", async () => {
    const { instructor, owner, bank } = await ownerWithBank();
    expect((await owner.questions.create({ bankId: bank.id, definition: engineKeyed(nestedSpec(16)) })).state).toBe("draft");
    // 17 levels: about 40 levels of JSON in the request, under the API edge's generic 64, so this is the message an author reads.
    const over = await failureOf(() => owner.questions.create({ bankId: bank.id, definition: engineKeyed(nestedSpec(17)) }));
    expect(over.code).toBe("BAD_REQUEST");
    expect(inputIssues(over)).toEqual([{ path: "definition.answer.engine.spec", message: CAP_MESSAGE }]);
    // 10,000 levels, straight to the operation as the CLI or a test would call it: no edge in front.
    const deep = engineKeyed(JSON.parse(nestedSpecText(10_000)));
    const direct = await createQuestion({ db: database.prisma, userId: instructor.id, bankId: bank.id, definition: deep }).catch((error: unknown) => error);
    expect(direct).toBeInstanceOf(AppError);
    expect(direct).toMatchObject({ code: "BAD_INPUT", message: `answer.engine.spec: ${CAP_MESSAGE}` });
    // Through the router the API's generic nesting limit (64 levels of JSON) may answer first; a 400 either way.
    expect((await failureOf(() => owner.questions.create({ bankId: bank.id, definition: deep }))).code).toBe("BAD_REQUEST");
    expect((await owner.questions.list({ bankId: bank.id })).length).toBe(1);
  });

  it.each(["sequential", "residual", "concat"] as const)(
    "over HTTP, %s nested just past the cap answers the cap's message, not the edge's generic nesting limit of 64",
    async (composite) => {
      const { instructor, bank } = await ownerWithBank();
      const api = httpApi({ db: database.prisma });
      const reply = await api.call("questions.create", { bankId: bank.id, definition: engineKeyed(nestedSpec(17, composite)) }, { method: "POST", user: instructor });
      expect(reply.status).toBe(400);
      const message = `layer ${compositePath(17, composite)} (${composite}): composites nest more than 16 levels deep, the engine's cap (the zoo's deepest network nests 3)`;
      expect(errorOf(reply)?.message).toBe(`definition.answer.engine.spec: ${message}`);
      expect(errorOf(reply)?.data.fieldErrors).toEqual({ "definition.answer.engine.spec": message });
    },
  );

  it("refuses a bundle with a 10,000-level spec in banks.import with a 400 naming the cap and the question's path, importing nothing", async () => {
    const { owner, course } = await ownerWithBank();
    const definition = JSON.stringify(engineKeyed({ input: [4], layers: [] })).replace('{"input":[4],"layers":[]}', nestedSpecText(10_000));
    const text = `{"format":"stride-bank","version":1,"bank":{"title":"Deep","questions":[{"key":"q1","versions":[{"version":1,"published":true,"definition":${definition}}]}]}}`;
    const banksBefore = (await owner.banks.list({ courseId: course.id })).length;
    const error = await failureOf(() => owner.banks.import({ courseId: course.id, text }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toBe(`bank.questions.0.versions.0.definition.answer.engine.spec: ${CAP_MESSAGE}`);
    expect((await owner.banks.list({ courseId: course.id })).length).toBe(banksBefore);
    expect(await outcomeOf(() => owner.banks.import({ courseId: course.id, text: text.replace(nestedSpecText(10_000), JSON.stringify(nestedSpec(3))) }))).toBe("ok");
  });
});
