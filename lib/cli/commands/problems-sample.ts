import { type Lang, parseLang, parseSeed, type Problem, sampleProblem, topicTitle } from "../../problems";
import { noPositionals, parseFlags, requireFlag } from "../args";
import { UsageError } from "../errors";
import type { CliIo } from "../io";
import { cliMessages } from "../messages";

/** `stride problems sample --template T (--seed N | --seeds A..B) [--lang L] [--json]` */
export async function problemsSample(args: string[], io: CliIo): Promise<number> {
  const command = "problems sample";
  const { values, positionals } = parseFlags(command, args, {
    template: { type: "string" },
    seed: { type: "string" },
    seeds: { type: "string" },
    lang: { type: "string", default: "en" },
    json: { type: "boolean" },
  });
  noPositionals(command, positionals);
  const template = requireFlag(command, "template", values.template);
  const lang = parseLang(values.lang);
  const seeds = seedsOf(command, values.seed, values.seeds);

  for (let seed = seeds.from; seed <= seeds.to; seed += 1) {
    const problem = sampleProblem({ template, seed, lang });
    if (values.json) await io.out(`${JSON.stringify(problem)}\n`);
    else await io.out(`${seed > seeds.from ? "\n---\n\n" : ""}${humanProblem(problem, lang)}`);
  }
  return 0;
}

/** `--seed N` or `--seeds A..B` (inclusive), exactly one of them. */
function seedsOf(command: string, seed: string | undefined, range: string | undefined): { from: number; to: number } {
  if ((seed === undefined) === (range === undefined)) {
    throw new UsageError(`${command}: give either --seed N or --seeds A..B (see stride --help)`);
  }
  if (seed !== undefined) {
    const single = parseSeed(seed);
    return { from: single, to: single };
  }
  const match = /^(\d+)\.\.(\d+)$/.exec(range ?? "");
  if (!match) throw new UsageError(`${command}: --seeds must look like A..B, e.g. 1..200; got ${JSON.stringify(range)}`);
  const from = parseSeed(match[1]);
  const to = parseSeed(match[2]);
  if (from > to) throw new UsageError(`${command}: --seeds ${range} is empty (A must not exceed B)`);
  return { from, to };
}

function humanProblem(problem: Problem, lang: Lang): string {
  const t = cliMessages(lang);
  const answer = JSON.stringify(problem.answer.value).replaceAll(",", ", ");
  return [
    t("sample.heading", { template: problem.template, seed: String(problem.seed), topic: topicTitle(problem.topic)[problem.lang] }),
    "",
    problem.prompt,
    "",
    t("sample.answer", { answer }),
    "",
    t("sample.solution"),
    problem.solution,
    "",
  ].join("\n");
}
