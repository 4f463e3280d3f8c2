import { z } from "zod";
import { EngineError } from "../../engine";
import { gradeAnswer, type GradeResult } from "../../grading";
import { type Lang, misconceptionLabel, parseLang, parseSeed, ProblemError, sampleProblem } from "../../problems";
import { noPositionals, parseFlags, requireFlag } from "../args";
import type { CliIo } from "../io";
import { cliMessages } from "../messages";

/**
 * A grade as the CLI prints it, feedback in one language:
 * `{"gradable":true,"score","correct","feedback","mistake"?}` or
 * `{"gradable":false,"formatError"}`. DESIGN.md's `{score, correct, feedback}` with the
 * discriminant first, so a program can tell a format error without guessing.
 */
export function gradeJson(grade: GradeResult, lang: Lang) {
  if (!grade.gradable) return { gradable: false, formatError: grade.formatError[lang] };
  return {
    gradable: true,
    score: grade.score,
    correct: grade.correct,
    feedback: grade.feedback[lang],
    ...(grade.mistake ? { mistake: grade.mistake } : {}),
  };
}

function grade(template: string, seed: unknown, answer: string, lang: Lang): GradeResult {
  const problem = sampleProblem({ template, seed: parseSeed(seed), lang });
  return gradeAnswer({ problem, answer });
}

/** `stride grade --template T --seed N --answer TEXT [--lang L] [--json]`, or `--batch`. */
export async function gradeCommand(args: string[], io: CliIo): Promise<number> {
  const command = "grade";
  const { values, positionals } = parseFlags(command, args, {
    template: { type: "string" },
    seed: { type: "string" },
    answer: { type: "string" },
    lang: { type: "string", default: "en" },
    json: { type: "boolean" },
    batch: { type: "boolean" },
  });
  noPositionals(command, positionals);
  const lang = parseLang(values.lang);
  if (values.batch) return gradeBatch(io, lang);

  const template = requireFlag(command, "template", values.template);
  const seed = requireFlag(command, "seed", values.seed);
  const answer = requireFlag(command, "answer", values.answer);
  const result = grade(template, seed, answer, lang);
  if (values.json) {
    await io.out(`${JSON.stringify(gradeJson(result, lang))}\n`);
    return 0;
  }
  const t = cliMessages(lang);
  if (!result.gradable) {
    await io.out(`${t("grade.formatError", { message: result.formatError[lang] })}\n`);
    return 0;
  }
  const lines = [
    t("grade.score", { score: String(Math.round(result.score * 1000) / 1000), verdict: result.correct ? "correct" : "wrong" }),
    ...(result.mistake ? [t("grade.mistake", { mistake: misconceptionLabel(result.mistake, lang) })] : []),
    "",
    result.feedback[lang],
  ];
  await io.out(`${lines.join("\n")}\n`);
  return 0;
}

const batchLine = z.object({
  template: z.string(),
  seed: z.union([z.number(), z.string()]),
  /**
   * What the learner typed; a JSON number, boolean, array (`["A", "C"]`, `[[1, 2], [3, 4]]`) or object
   * (a design answer's spec, `{"layers": […]}`) is read as its JSON text.
   */
  answer: z.union([z.string(), z.number(), z.boolean(), z.array(z.unknown()), z.record(z.string(), z.unknown())]),
  lang: z.string().optional(),
});

/** JSON Lines in, one JSON line out per non-blank line, in order; a bad line answers `{"error"}`. */
async function gradeBatch(io: CliIo, defaultLang: Lang): Promise<number> {
  for await (const line of io.stdinLines()) {
    if (line.trim() === "") continue;
    await io.out(`${JSON.stringify(gradeLine(line, defaultLang))}\n`);
  }
  return 0;
}

function gradeLine(line: string, defaultLang: Lang): object {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch (error) {
    return { error: `invalid JSON: ${(error as Error).message}` };
  }
  const parsed = batchLine.safeParse(json);
  if (!parsed.success) {
    return {
      error: 'each line must be {"template": string, "seed": integer, "answer": string | number | boolean | array | object, "lang"?: "en" | "zh-CN"}',
    };
  }
  try {
    const lang = parseLang(parsed.data.lang ?? defaultLang);
    const { answer } = parsed.data;
    const text = typeof answer === "string" ? answer : JSON.stringify(answer);
    return gradeJson(grade(parsed.data.template, parsed.data.seed, text, lang), lang);
  } catch (error) {
    if (error instanceof ProblemError || error instanceof EngineError) return { error: error.message };
    throw error;
  }
}
