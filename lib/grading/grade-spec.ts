import { analyze, type ArchitectureSpec, EngineError } from "../engine";
import { checkConstraints, type Lang, outcomeLine } from "../problems";
import { gradeWith } from "./feedback";
import { formatErrorOf } from "./format-error";
import { type GradingContext, misconceptionsOfKind } from "./grading-context";
import { gradingMessages } from "./messages";
import { parseSpec } from "./parse-spec";
import type { GradeResult } from "./types";

/** An engine message quoted in a format error, cut short: it may echo much of the learner's spec. */
const quoteEngine = (message: string) => (message.length > 300 ? `${message.slice(0, 300)}…` : message);

/**
 * A design answer: the learner's own spec, analysed by the engine, checked against every
 * constraint of the key. The score is the share of constraints met; only a spec meeting all is
 * correct. The feedback lists every constraint, met or not, naming what the spec has. A spec the
 * engine refuses (an unknown layer type, a size below 1) is a format error quoting the engine,
 * which names the layer: there is no network to grade. A spec without `input` takes the problem's.
 * A misconception matches when the constraints its rule breaks are exactly the ones broken.
 */
export function gradeSpec(context: GradingContext<"spec">): GradeResult {
  const { key, options } = context;
  const parsed = parseSpec(context.answer);
  if (!parsed.ok) return { gradable: false, formatError: formatErrorOf(parsed.format, key, options) };
  const required = key.value.find((constraint) => constraint.kind === "input-shape");
  const spec = (parsed.value.input === undefined && required ? { ...parsed.value, input: required.shape } : parsed.value) as unknown as ArchitectureSpec;
  let analysis;
  try {
    analysis = analyze(spec);
  } catch (error) {
    if (!(error instanceof EngineError)) throw error;
    return { gradable: false, formatError: formatErrorOf({ problem: "engine-refused", message: quoteEngine(error.message) }, key, options) };
  }
  const outcomes = checkConstraints(spec, analysis, key.value);
  const met = outcomes.filter((outcome) => outcome.met).length;
  const total = outcomes.length;
  const broken = new Set(outcomes.filter((outcome) => !outcome.met).map((outcome) => outcome.constraint.kind));
  const verdict = (lang: Lang) => {
    const t = gradingMessages(lang);
    const head = met === total ? t("verdict.specCorrect", { total }) : t("verdict.specPartial", { met: String(met), total: String(total) });
    return [head, outcomes.map((outcome) => `- ${outcomeLine(outcome, lang)}`).join("\n")].join("\n\n");
  };
  if (met === total) return gradeWith({ score: 1, correct: true, verdict });
  const mistake = misconceptionsOfKind(context).find(
    ({ wrong }) => wrong.value.length === broken.size && wrong.value.every((constraint) => broken.has(constraint.kind)),
  )?.misconception;
  return gradeWith({ score: met / total, correct: false, mistake, verdict });
}
