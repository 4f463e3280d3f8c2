import { describe, expect, it } from "vitest";
import { analyze } from "@/lib/engine";
import { gradeAnswer } from "@/lib/grading";
import { sampleProblem } from "@/lib/problems";
import { connectionTable, lenetC3ConnectionsTemplate, type LenetC3Params } from "@/lib/problems/templates/lenet-c3-connections";
import { lenetC3ConnectionsCatalogues } from "@/lib/problems/templates/lenet-c3-connections.messages";
import { expectCataloguesAgree, expectKeyFromEngine, misconceptionsThatDiffer, sampleBoth, SEEDS } from "./support/group-a-checks";

const TEMPLATE = "lenet.c3-connections";

/**
 * LeCun et al. 1998, Table I: which of S2's 6 maps (rows) each of C3's 16 maps (columns) is
 * connected to, copied from the paper's X marks.
 */
const LECUN_TABLE_I = [
  "X   XXX  XXXX XX",
  "XX   XXX  XXXX X",
  "XXX   XXX  X XXX",
  " XXX  XXXX  X XX",
  "  XXX  XXXX XX X",
  "   XXX  XXXX XXX",
];

const keyOf = (params: LenetC3Params) => {
  const check = lenetC3ConnectionsTemplate.check(params);
  if (check?.mode !== "analyze") throw new Error("expected an analyze check");
  const answer = analyze(check.spec);
  return check.select === "totalParams" ? answer.totalParams : answer.totalConnections;
};

/** The prompt's quantity from a table T (rows output maps): parameters Σ_p (k²·Σ_d T_pd + 1), connections × (H − k + 1)². */
function countByTable(table: number[][], kernel: number, size: number, ask: LenetC3Params["ask"]): number {
  const params = table.reduce((sum, row) => sum + kernel * kernel * row.reduce((a, b) => a + b, 0) + 1, 0);
  return ask === "params" ? params : params * (size - kernel + 1) ** 2;
}

describe("lenet.c3-connections", () => {
  it("LeCun et al. 1998, Table I: 60 connections of 5×5 kernels and 16 biases, 1,516 parameters and 151,600 connections (NNDL 5.4.1)", () => {
    const columns = Array.from({ length: 16 }, (_, p) => LECUN_TABLE_I.map((row): number => (row[p] === "X" ? 1 : 0)));
    expect(columns.map((column) => column.reduce((a, b) => a + b, 0))).toEqual([3, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4, 4, 4, 6]);
    expect(countByTable(columns, 5, 14, "params")).toBe(1516);
    expect(countByTable(columns, 5, 14, "connections")).toBe(151600);
    // NNDL 5.4.1's arithmetic: 60 × 25 + 16 = 1,516; 100 × 1,516 = 151,600.
    expect(60 * 25 + 16).toBe(1516);
  });

  it("the engine's keys of LeNet's four rows (6 on 3, 6 on 4, 3 on 4, 1 on 6) add up to the published 1,516 parameters and 151,600 connections", () => {
    const rows = [{ maps: 6, sees: 3 }, { maps: 6, sees: 4 }, { maps: 3, sees: 4 }, { maps: 1, sees: 6 }];
    const total = (ask: LenetC3Params["ask"]) =>
      rows.reduce((sum, row) => sum + keyOf({ difficulty: "medium", ask, inputMaps: 6, size: 14, kernel: 5, groups: [row] }), 0);
    expect(total("params")).toBe(1516);
    expect(total("connections")).toBe(151600);
    // A full C3 (every map on all six) would have 16·(6·25 + 1) = 2,416 parameters (NNDL 5.4.1's comparison).
    expect(keyOf({ difficulty: "medium", ask: "params", inputMaps: 6, size: 14, kernel: 5, groups: [{ maps: 16, sees: 6 }] })).toBe(2416);
  });

  it("over 200 seeds: valid variants in both languages, the key the engine's and the count read off the connection table", () => {
    const kinds = new Set<string>();
    for (const seed of SEEDS) {
      const { en, zh } = sampleBoth(TEMPLATE, seed);
      expect(en).toMatchObject({ topic: "architectures", answer: { kind: "integer" }, check: { mode: "analyze" } });
      expectKeyFromEngine(en);
      if (en.check?.mode !== "analyze") throw new Error("expected an analyze check");
      const ask = en.check.select === "totalParams" ? "params" : "connections";
      const [channels, size] = en.check.spec.input as [number, number, number];
      const layer = en.check.spec.layers[0] as unknown as { type: string; filters: number; kernel: number; branches?: { filters: number; kernel: number; groups?: number }[][] };
      if (en.difficulty === "hard") {
        // The table as T's rows: each branch's maps see channels / groups consecutive input maps.
        const table = layer.branches!.flatMap(([conv]) => {
          const sees = channels / (conv!.groups ?? 1);
          return Array.from({ length: conv!.filters }, (_, q) => {
            const block = Math.floor(q / (conv!.filters / (conv!.groups ?? 1)));
            return Array.from({ length: channels }, (_, d) => (Math.floor(d / sees) === block ? 1 : 0));
          });
        });
        expect(countByTable(table, layer.branches![0]![0]!.kernel, size, ask)).toBe(en.answer.value);
        expect(en.prompt).toContain(`T = \\begin{bmatrix} ${table.map((row) => row.join(" & ")).join(" \\\\ ")} \\end{bmatrix}`);
      } else {
        const table = Array.from({ length: layer.filters }, () => Array<number>(channels).fill(1));
        expect(countByTable(table, layer.kernel, size, ask)).toBe(en.answer.value);
      }
      kinds.add(`${en.difficulty} ${ask}`);
      expect(zh.prompt).toMatch(ask === "params" ? /可训练参数/ : /连接/);
      expect(en.solution).toContain("151{,}600");
    }
    expect(kinds.size).toBe(6);
  });

  it("draws the hard table as the grouped convolutions wire it: each output map on one block of consecutive input maps", () => {
    const params: LenetC3Params = { difficulty: "hard", ask: "params", inputMaps: 6, size: 14, kernel: 5, groups: [{ maps: 6, sees: 2 }, { maps: 2, sees: 6 }] };
    expect(connectionTable(params)).toEqual([
      [1, 1, 0, 0, 0, 0], [1, 1, 0, 0, 0, 0], [0, 0, 1, 1, 0, 0], [0, 0, 1, 1, 0, 0], [0, 0, 0, 0, 1, 1], [0, 0, 0, 0, 1, 1],
      [1, 1, 1, 1, 1, 1], [1, 1, 1, 1, 1, 1],
    ]);
    // by hand: 6·(2·25 + 1) + 2·(6·25 + 1) = 306 + 302
    expect(keyOf(params)).toBe(608);
    expect(keyOf({ ...params, ask: "connections" })).toBe(608 * 100);
  });

  it("names the misconceptions: connections for parameters and back, the forgotten bias, a full connection, the input size", () => {
    const params: LenetC3Params = { difficulty: "medium", ask: "connections", inputMaps: 6, size: 14, kernel: 5, groups: [{ maps: 6, sees: 3 }] };
    const wrong = Object.fromEntries(lenetC3ConnectionsTemplate.misconceptions.map((m) => [m.id, m.wrongAnswer(params)]));
    // by hand: 6·(75 + 1) = 456 parameters, 45,600 connections; no bias 6·75·100; every map on 6: 6·151·100; 14² positions: 196·456
    expect(keyOf(params)).toBe(45600);
    expect(wrong).toEqual({ "connections-parameters-swapped": 456, "forgot-bias": 45000, "full-connection": 90600, "input-size-used": 89376 });
    expect(misconceptionsThatDiffer(TEMPLATE)).toEqual(["connections-parameters-swapped", "forgot-bias", "full-connection", "input-size-used"]);
    for (const seed of SEEDS.slice(0, 60)) {
      const problem = sampleProblem({ template: TEMPLATE, seed });
      expect(gradeAnswer({ problem, answer: String(problem.answer.value) })).toMatchObject({ gradable: true, score: 1, correct: true });
    }
  });

  it("refuses a worked solution that disagrees with the engine", () => {
    const params: LenetC3Params = { difficulty: "easy", ask: "params", inputMaps: 6, size: 14, kernel: 5, groups: [{ maps: 1, sees: 3 }] };
    expect(() => lenetC3ConnectionsTemplate.render(params, { kind: "integer", value: 75 }, "en")).toThrow(/engine/);
  });

  it("has the same messages and arguments in both languages", () => {
    expectCataloguesAgree(lenetC3ConnectionsCatalogues);
  });
});
