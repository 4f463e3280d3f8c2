import { describe, expect, it } from "vitest";
import { drawOfflineProblem, gradeOffline, offlineProblemView } from "@/app/practice/offline/offline-problem";
import { belongingTo, syncQueued } from "@/app/practice/offline/sync-queued";
import { listTemplates, sampleProblem } from "@/lib/problems";

/** A fixed sequence standing in for Math.random. */
const sequence = (...values: number[]) => {
  let i = 0;
  return () => values[i++ % values.length]!;
};

describe("offline practice problems, made and graded in the browser", () => {
  it("draws a skill of the chosen topic with a seed from the random source, the same problem the server would make", () => {
    const convSkills = listTemplates().filter((entry) => entry.topic === "conv-arithmetic");
    const problem = drawOfflineProblem({ topic: "conv-arithmetic", lang: "zh-CN", random: sequence(0, 0.5) });
    expect(problem.template).toBe(convSkills[0]!.template);
    expect(problem.seed).toBe(2 ** 30);
    expect(problem.lang).toBe("zh-CN");
    expect(problem).toEqual(sampleProblem({ template: problem.template, seed: 2 ** 30, lang: "zh-CN" }));
  });

  it("never draws past the last skill or the largest seed, even from a random source that returns 1", () => {
    const all = listTemplates();
    const problem = drawOfflineProblem({ topic: null, lang: "en", random: () => 0.999999999999 });
    expect(problem.template).toBe(all[all.length - 1]!.template);
    expect(problem.seed).toBeLessThanOrEqual(2 ** 31 - 1);
  });

  it("shows the prompt typeset and no key, solution or check before the answer", () => {
    const problem = sampleProblem({ template: "conv.output-size", seed: 7 });
    const view = offlineProblemView(problem);
    expect(view.promptHtml).toContain("katex");
    expect(Object.keys(view).sort()).toEqual(["answerKind", "difficulty", "options", "prompt", "promptHtml", "template", "topic"]);
  });

  it("grades the key right, a wrong shape wrong, and a 2-D answer to a 3-D question as a format error", () => {
    const problem = sampleProblem({ template: "conv.output-size", seed: 7 });
    const key = (problem.answer.value as number[]).join("x");
    const right = gradeOffline({ id: "a", problem, answer: key });
    expect(right).toMatchObject({ status: "graded", graded: { reviewId: "a", correct: true, score: 1, expected: problem.answer } });
    expect(gradeOffline({ id: "b", problem, answer: "1x1x1" })).toMatchObject({ status: "graded", graded: { correct: false, score: 0 } });
    const format = gradeOffline({ id: "c", problem, answer: "1x1" });
    expect(format.status).toBe("format-error");
    if (format.status === "format-error") expect(Object.keys(format.formatErrorHtml).sort()).toEqual(["en", "zh-CN"]);
  });
});

describe("syncing what was practised offline", () => {
  it("sends an account only its own answers and those answered signed out; another account's stay on the device", () => {
    const queue = [
      { id: "mine", owner: "ada" },
      { id: "anonymous", owner: null },
      { id: "theirs", owner: "grace" },
    ];
    expect(belongingTo(queue, "ada").map((item) => item.id)).toEqual(["mine", "anonymous"]);
    expect(belongingTo(queue, "grace").map((item) => item.id)).toEqual(["anonymous", "theirs"]);
  });

  const items = Array.from({ length: 120 }, (_, i) => ({ id: `item-${i}` }));

  it("sends in turns of at most 50 and forgets every item the server answered for, refused ones included", async () => {
    let kept = [...items];
    const turns: number[] = [];
    const result = await syncQueued({
      read: async () => kept,
      send: async (turn) => {
        turns.push(turn.length);
        return turn.map((item, i) => ({ id: item.id, status: i === 0 ? "rejected" : "recorded" }));
      },
      forget: async (ids) => {
        kept = kept.filter((item) => !ids.includes(item.id));
      },
      turn: 50,
    });
    expect(turns).toEqual([50, 50, 20]);
    expect(result).toEqual({ recorded: 117, left: 0 });
  });

  it("keeps the failed turn and everything after it when the connection drops again", async () => {
    let kept = [...items];
    let calls = 0;
    const run = syncQueued({
      read: async () => kept,
      send: async (turn) => {
        calls += 1;
        if (calls === 2) throw new TypeError("Failed to fetch");
        return turn.map((item) => ({ id: item.id, status: "recorded" }));
      },
      forget: async (ids) => {
        kept = kept.filter((item) => !ids.includes(item.id));
      },
      turn: 50,
    });
    await expect(run).rejects.toThrow("Failed to fetch");
    expect(kept).toHaveLength(70);
    expect(kept[0]!.id).toBe("item-50");
  });
});
