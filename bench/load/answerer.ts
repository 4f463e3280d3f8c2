/**
 * How a bench learner answers, right and wrong, in a format the grader reads:
 * - from the key (PostgreSQL, where the bench can read a variant's seed while the server runs):
 *   the key recomputed from the seed with lib/problems, as the server does, right 70 % of the time;
 * - by guessing (PGlite, whose data directory only the server may open): a random value of the
 *   answer's kind, its shape learned as a learner learns it, from the format error's message
 *   ("The shape needs 3 dimensions", "The matrix should be 3×3") and from keys shown after grading.
 */
import pg from "pg";
import { type Answer, type Lang, sampleProblem } from "@/lib/problems";
import { typedAnswer } from "@/lib/server/demo/typed-answer";

export interface IssuedProblem {
  variantId: string;
  problem: { template: string; answerKind: string; options: { id: string }[] | null };
}

export interface Answerer {
  answer(issued: IssuedProblem, formatError: string | null): Promise<string>;
  /** The key the server showed after grading. */
  learn(template: string, expected: Answer): void;
  readonly mode: string;
  close(): Promise<void>;
}

/** A small seeded generator (mulberry32), so two runs answer alike. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A wrong answer of the same form: one number off, another option, the other truth value. */
function wrong(answer: Answer, options: readonly { id: string }[] | null): string {
  switch (answer.kind) {
    case "shape":
      return [answer.value[0]! + 1, ...answer.value.slice(1)].join("x");
    case "matrix":
      return JSON.stringify(answer.value.map((row, i) => (i === 0 ? [row[0]! + 1, ...row.slice(1)] : row)));
    case "integer":
      return String(answer.value + 1);
    case "number":
      return String(answer.value * 2 + 1);
    case "boolean":
      return String(!answer.value);
    case "choice":
      return options?.find((option) => option.id !== answer.value)?.id ?? answer.value;
    case "choices":
      return options && options.length > answer.value.length ? options.filter((option) => !answer.value.includes(option.id)).map((option) => option.id).slice(0, 1).join(", ") : answer.value.join(", ");
    case "spec":
      return typedAnswer(answer);
  }
}

export function keyAnswerer(databaseUrl: string, random: () => number, rightShare = 0.7): Answerer {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  return {
    mode: `key from the seed, ${Math.round(rightShare * 100)} % right`,
    async answer(issued) {
      const { rows } = await pool.query<{ templateId: string; seed: number; lang: string }>('SELECT "templateId", seed, lang FROM variants WHERE id = $1', [issued.variantId]);
      const row = rows[0];
      if (!row) throw new Error(`variant ${issued.variantId} is not in the database`);
      const { answer: key, check } = sampleProblem({ template: row.templateId, seed: row.seed, lang: row.lang as Lang });
      return random() < rightShare ? typedAnswer(key, check) : wrong(key, issued.problem.options);
    },
    learn() {},
    close: () => pool.end(),
  };
}

interface Form {
  rank?: number;
  rows?: number;
  cols?: number;
}

export function guessingAnswerer(random: () => number): Answerer {
  const forms = new Map<string, Form>();
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  return {
    mode: "guessed (format learned from the messages)",
    async answer({ problem }, formatError) {
      const form = forms.get(problem.template) ?? {};
      const rank = formatError ? /needs (one|\d+) dimension/.exec(formatError) : null;
      if (rank) form.rank = rank[1] === "one" ? 1 : Number(rank[1]);
      const dims = formatError ? /should be (\d+)×(\d+)/.exec(formatError) : null;
      if (dims) Object.assign(form, { rows: Number(dims[1]), cols: Number(dims[2]) });
      forms.set(problem.template, form);
      const options = problem.options ?? [];
      switch (problem.answerKind) {
        case "shape":
          return Array.from({ length: form.rank ?? 3 }, () => int(1, 64)).join("x");
        case "matrix":
          return JSON.stringify(Array.from({ length: form.rows ?? 2 }, () => Array.from({ length: form.cols ?? 2 }, () => int(-9, 9))));
        case "integer":
          return String(int(0, 5000));
        case "number":
          return (random() * 10).toFixed(2);
        case "boolean":
          return random() < 0.5 ? "true" : "false";
        case "choice":
          return options[int(0, Math.max(0, options.length - 1))]?.id ?? "A";
        case "choices":
          return options.filter(() => random() < 0.5).map((option) => option.id).join(", ") || (options[0]?.id ?? "A");
        case "spec":
          // A design problem takes a network: a guess in the documented form (docs/PROBLEMS.md).
          return JSON.stringify({ layers: [{ type: "conv2d", filters: int(1, 64), kernel: int(1, 5) }] });
        default:
          return "1";
      }
    },
    learn(template, expected) {
      if (expected.kind === "shape") forms.set(template, { rank: expected.value.length });
      if (expected.kind === "matrix") forms.set(template, { rows: expected.value.length, cols: expected.value[0]?.length ?? 0 });
    },
    close: async () => undefined,
  };
}
