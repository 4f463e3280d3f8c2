import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ArchitectureSpec } from "@/lib/engine";
import { type Lang, sampleProblem } from "@/lib/problems";
import { createCaller } from "@/lib/server/root";
import { createContext, type SessionUser } from "@/lib/server/trpc";
import { createTestDatabase, databaseKinds, type TestDatabase } from "./support/database";

/**
 * Issue 13, design problems: a learner answers `design.downsample` through the API with a spec of
 * their own (not the reference), right and then breaking exactly one constraint. The learner's
 * network is written here from the prompt's numbers: one same-size 3×3 convolution to the asked
 * channels, `(9·C + 1)·F` parameters (d2l 7.4.2), within every variant's budget (the reference,
 * narrower layers first, has more), then one 2×2 max pooling a halving (d2l 7.5.2).
 */
describe.each(databaseKinds())("a design answer through the API on %s", (kind) => {
  let database: TestDatabase;
  const learner: SessionUser = { id: "designer-1", email: "d1@example.com", name: "Designer", role: "learner", locale: "en" };
  const caller = () => createCaller(createContext({ db: database.prisma, user: learner, now: () => new Date("2026-03-02T09:00:00Z") }));

  /** The constraints as the server recomputes them from the stored seed. */
  async function problemOf(variantId: string) {
    const variant = await database.prisma.variant.findUniqueOrThrow({ where: { id: variantId } });
    return sampleProblem({ template: variant.templateId, seed: variant.seed, lang: variant.lang as Lang });
  }

  /** The learner's own network for the variant: `padding` 1 keeps each convolution's size, 0 shrinks it by 2. */
  async function learnerSpec(variantId: string, padding: number): Promise<Pick<ArchitectureSpec, "layers">> {
    const { answer } = await problemOf(variantId);
    if (answer.kind !== "spec") throw new Error("not a design problem");
    const input = answer.value.find((constraint) => constraint.kind === "input-shape");
    const output = answer.value.find((constraint) => constraint.kind === "output-shape");
    if (input?.kind !== "input-shape" || output?.kind !== "output-shape") throw new Error("no shapes");
    const halvings = Math.log2((input.shape[1] as number) / (output.shape[1] as number));
    return {
      layers: [
        { type: "conv2d", filters: output.shape[0] as number, kernel: 3, ...(padding ? { padding } : {}) },
        ...Array.from({ length: halvings }, () => ({ type: "maxpool2d" as const, kernel: 2 })),
      ],
    };
  }

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await database.prisma.user.create({ data: { id: learner.id, email: learner.email, name: learner.name, role: learner.role, locale: learner.locale } });
  });

  afterAll(async () => {
    await database?.drop();
  });

  it("issues the problem without its constraints or reference, and grades a right network of the learner's own as correct", async () => {
    const issued = await caller().review.practice({ template: "design.downsample" });
    for (const secret of ["answer", "check", "solution", "seed"]) expect(issued.problem).not.toHaveProperty(secret);
    expect(issued.problem.answerKind).toBe("spec");
    const answer = JSON.stringify(await learnerSpec(issued.variantId, 1));
    const { check } = await problemOf(issued.variantId);
    // The learner's network is not the reference: the grade comes from the engine's analysis of theirs.
    expect(check?.mode === "analyze" && JSON.stringify({ layers: check.spec.layers })).not.toBe(answer);
    const result = await caller().review.submit({ variantId: issued.variantId, answer });
    if (result.status !== "graded") throw new Error("expected a graded answer");
    expect(result).toMatchObject({ score: 1, correct: true });
    expect(result.feedback.en).toContain("Correct: your network meets all 5 constraints.");
    expect(result.feedback["zh-CN"]).toContain("正确：你的网络满足全部 5 项约束。");
    const stored = await database.prisma.review.findUniqueOrThrow({ where: { variantId: issued.variantId } });
    expect(stored).toMatchObject({ answer, score: 1 });
  });

  it("grades a network without padding as 4 of 5, naming the output shape in both languages", async () => {
    const issued = await caller().review.practice({ template: "design.downsample" });
    const result = await caller().review.submit({ variantId: issued.variantId, answer: JSON.stringify(await learnerSpec(issued.variantId, 0)) });
    if (result.status !== "graded") throw new Error("expected a graded answer");
    expect(result).toMatchObject({ score: 4 / 5, correct: false, mistake: "design-shape-off" });
    const broken = result.feedback.en.split("\n").filter((line) => line.includes("✗"));
    expect(broken).toHaveLength(1);
    expect(broken[0]).toContain("**Output shape**");
    expect(result.feedback["zh-CN"]).toContain("✗ 未满足：**输出形状**");
  });

  it("answers a spec the engine refuses with a format error that costs nothing", async () => {
    const issued = await caller().review.practice({ template: "design.downsample" });
    const result = await caller().review.submit({ variantId: issued.variantId, answer: '[{"type": "conv2d", "filters": 8, "kernel": 99}]' });
    expect(result.status).toBe("format-error");
    expect(await database.prisma.review.count({ where: { variantId: issued.variantId } })).toBe(0);
  });
});
