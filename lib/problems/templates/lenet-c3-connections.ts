import type { Conv2dSpec, LayerSpec } from "../../engine";
import { ProblemError } from "../errors";
import { displayMath, inlineCount, inlineNumber, inlineSize, texMatrix } from "../latex";
import type { Rng } from "../rng";
import type { ProblemTemplate } from "../template";
import type { Difficulty } from "../types";
import { lenetC3ConnectionsMessages as messages } from "./lenet-c3-connections.messages";

/**
 * `lenet.c3-connections`: LeNet-5's C3 connects each of its 16 maps to only some of S2's 6 maps,
 * a connection table (NNDL 5.4.1; LeCun et al. 1998, Table I): 6 maps see 3 of S2's maps, 9 see
 * 4, 1 sees all 6, so C3 has 60·25 + 16 = 1,516 trainable parameters and 100·1,516 = 151,600
 * connections. A map that sees m input maps is a k×k convolution with m input channels, one
 * bias; a connection is a weight or a bias meeting one output unit (DESIGN.md, NNDL 5.4.1).
 *
 * Keys from the engine's `analyze` (`totalParams` or `totalConnections`): one map (easy) or a
 * group of n maps seeing m each (medium) is a conv2d on m channels; a whole table (hard) is a
 * `concat` of grouped convolutions on all C input maps, each group of the table one branch whose
 * `groups = C/m` gives every output map its own block of m input maps. PyTorch's `groups` needs
 * m to divide C, so the hard tables are built of such blocks; LeNet's own table (sets of 4 out
 * of 6) has no such spec, and the test checks its totals by adding the medium keys of its rows.
 */
export interface LenetC3Params {
  difficulty: Difficulty;
  ask: "params" | "connections";
  /** Maps of the previous layer (S2 has 6) and their size (14). */
  inputMaps: number;
  size: number;
  kernel: number;
  /** Groups of the table: `maps` output maps, each seeing `sees` input maps. */
  groups: { maps: number; sees: number }[];
}

const DIFFICULTIES = ["easy", "medium", "hard"] as const;

/** LeNet-5's C3 rows (NNDL 5.4.1): 6 maps on 3 consecutive S2 maps, 6 on 4 consecutive, 3 on 4 non-consecutive, 1 on all 6. */
const LENET_ROWS = [{ maps: 6, sees: 3 }, { maps: 6, sees: 4 }, { maps: 3, sees: 4 }, { maps: 1, sees: 6 }] as const;

/** Blocks a table of C input maps can be built from with PyTorch's `groups`: m divides C, maps a multiple of C/m. */
const BLOCKS: Record<number, readonly { sees: number; maps: readonly number[] }[]> = {
  4: [{ sees: 2, maps: [2, 4, 6] }, { sees: 4, maps: [1, 2] }],
  6: [{ sees: 2, maps: [3, 6] }, { sees: 3, maps: [2, 4, 6] }, { sees: 6, maps: [1, 2] }],
};

function generate(rng: Rng): LenetC3Params {
  const difficulty = rng.pick(DIFFICULTIES);
  const ask = rng.pick(["params", "connections"] as const);
  if (difficulty === "hard") {
    const inputMaps = rng.pick([4, 6]);
    const kernel = rng.pick([3, 5]);
    const size = rng.int(kernel + 5, 16);
    const blocks = BLOCKS[inputMaps]!;
    // Six input maps: all three kinds of block, or two of them.
    const dropped = inputMaps === 6 ? rng.int(0, 3) : -1;
    const groups = blocks.filter((_, index) => index !== dropped).map((block) => ({ maps: rng.pick(block.maps), sees: block.sees }));
    return { difficulty, ask, inputMaps, size, kernel, groups };
  }
  // A third of the variants are LeNet-5's own C3: S2's six 14×14 maps, 5×5 kernels.
  if (rng.int(0, 2) === 0) {
    // Medium asks for a group of maps: C3's single map on all six is easy's work.
    const row = rng.pick(difficulty === "easy" ? LENET_ROWS : LENET_ROWS.filter((r) => r.maps > 1));
    return { difficulty, ask, inputMaps: 6, size: 14, kernel: 5, groups: [{ maps: difficulty === "easy" ? 1 : row.maps, sees: row.sees }] };
  }
  const inputMaps = rng.int(4, 8);
  const kernel = rng.pick([3, 5]);
  const size = rng.int(kernel + 3, 16);
  const sees = rng.int(2, inputMaps - 1);
  return { difficulty, ask, inputMaps, size, kernel, groups: [{ maps: difficulty === "easy" ? 1 : rng.int(2, 8), sees }] };
}

const outputSide = (p: LenetC3Params) => p.size - p.kernel + 1;
const area = (p: LenetC3Params) => p.kernel * p.kernel;
const outputMaps = (p: LenetC3Params) => p.groups.reduce((sum, g) => sum + g.maps, 0);

/** Σ maps·(sees·k² + bias): the table's trainable parameters, NNDL 5.4.1's 60·25 + 16 for LeNet. */
const paramsOf = (p: LenetC3Params, bias = 1, sees = (g: { sees: number }) => g.sees) => p.groups.reduce((sum, g) => sum + g.maps * (sees(g) * area(p) + bias), 0);

/** Each output unit meets its map's weights and bias once: output positions × parameters. */
const connectionsOf = (p: LenetC3Params, bias = 1, positions = outputSide(p) ** 2, sees = (g: { sees: number }) => g.sees) => positions * paramsOf(p, bias, sees);

const asked = (p: LenetC3Params, params: number, connections: number) => (p.ask === "params" ? params : connections);

/** NNDL 5.4.1's connection table T (rows: output maps, columns: input maps), as the hard spec's `groups` wire it. */
export function connectionTable(p: LenetC3Params): number[][] {
  return p.groups.flatMap((g) => {
    const blocks = p.inputMaps / g.sees;
    return Array.from({ length: g.maps }, (_, q) => {
      // PyTorch splits the outputs into `blocks` consecutive groups, group b reading inputs b·m … b·m + m − 1.
      const block = Math.floor(q / (g.maps / blocks));
      return Array.from({ length: p.inputMaps }, (_, d) => (d >= block * g.sees && d < (block + 1) * g.sees ? 1 : 0));
    });
  });
}

function specOf(p: LenetC3Params) {
  const conv = (g: { maps: number; sees: number }, inputs: number): Conv2dSpec => {
    const layer: Conv2dSpec = { type: "conv2d", filters: g.maps, kernel: p.kernel };
    return inputs / g.sees > 1 ? { ...layer, groups: inputs / g.sees } : layer;
  };
  if (p.difficulty !== "hard") {
    const group = p.groups[0]!;
    return { input: [group.sees, p.size, p.size], layers: [conv(group, group.sees)] };
  }
  const branches: LayerSpec[][] = p.groups.map((g) => [conv(g, p.inputMaps)]);
  return { input: [p.inputMaps, p.size, p.size], layers: [{ type: "concat" as const, branches }] };
}

export const lenetC3ConnectionsTemplate: ProblemTemplate<LenetC3Params> = {
  id: "lenet.c3-connections",
  topic: "architectures",
  answerKind: "integer",
  difficulties: DIFFICULTIES,
  title: (lang) => messages(lang)("title"),
  generate,

  check: (p) => ({ mode: "analyze", spec: specOf(p), select: p.ask === "params" ? "totalParams" : "totalConnections" }),

  render(p, key, lang) {
    const t = messages(lang);
    const worked = asked(p, paramsOf(p), connectionsOf(p));
    if (key.kind !== "integer" || key.value !== worked) {
      throw new ProblemError("invalid-variant", `lenet.c3-connections: the worked solution gives ${worked}, the engine ${JSON.stringify(key.value)}`);
    }
    const k2 = area(p);
    const groupLines = p.groups
      .map((g) => `- $${g.maps} \\times (${g.sees} \\cdot ${k2} + 1) = ${g.maps * (g.sees * k2 + 1)}$`)
      .join("\n");
    const lenet = p.inputMaps === 6 && p.size === 14 && p.kernel === 5 && p.difficulty !== "hard" ? "yes" : "no";
    const group = p.groups[0]!;
    const common = {
      ask: p.ask,
      kernel: inlineSize(p.kernel, p.kernel),
      inputMaps: inlineNumber(p.inputMaps),
      size: inlineSize(p.size, p.size),
      lenet,
    };
    const prompt = t(`prompt.${p.difficulty}`, {
      ...common,
      maps: inlineNumber(group.maps),
      sees: inlineNumber(group.sees),
      outputMaps: inlineNumber(outputMaps(p)),
      table: displayMath(`T = ${texMatrix(connectionTable(p))}`),
      tpd: "$T_{p,d} = 1$",
    });
    const solution = t("solution", {
      ask: p.ask,
      hard: p.difficulty === "hard" ? "yes" : "no",
      perMap: `$k^2 \\cdot m + 1$`,
      groupLines,
      params: inlineCount(paramsOf(p)),
      out: inlineSize(outputSide(p), outputSide(p)),
      positions: inlineCount(outputSide(p) ** 2),
      connections: inlineCount(connectionsOf(p)),
      answer: inlineCount(worked),
      lenetParams: inlineCount(1516),
      lenetConnections: inlineCount(151600),
    });
    return { prompt, solution };
  },

  misconceptions: [
    {
      id: "connections-parameters-swapped",
      wrongAnswer: (p) => asked(p, connectionsOf(p), paramsOf(p)),
      feedback: (p, lang) => messages(lang)("mistakes.swapped", { ask: p.ask }),
    },
    {
      id: "forgot-bias",
      wrongAnswer: (p) => asked(p, paramsOf(p, 0), connectionsOf(p, 0)),
      feedback: (p, lang) => messages(lang)("mistakes.forgotBias", { ask: p.ask }),
    },
    {
      id: "full-connection",
      // Every output map on every input map: the plain convolution the table replaces.
      wrongAnswer: (p) => (p.groups.every((g) => g.sees === p.inputMaps) ? null : asked(p, paramsOf(p, 1, () => p.inputMaps), connectionsOf(p, 1, outputSide(p) ** 2, () => p.inputMaps))),
      feedback: (p, lang) => messages(lang)("mistakes.fullConnection", { inputMaps: inlineNumber(p.inputMaps) }),
    },
    {
      id: "input-size-used",
      wrongAnswer: (p) => (p.ask === "connections" ? connectionsOf(p, 1, p.size ** 2) : null),
      feedback: (p, lang) => messages(lang)("mistakes.inputSizeUsed", { out: inlineSize(outputSide(p), outputSide(p)) }),
    },
  ],
};
