import { type Check, MAX_SEED, parseLang, type RegisteredTemplate, requireSeed, requireTemplate } from "../problems";
import { QuestionError } from "./errors";
import { questionRng } from "./seed-mix";
import type { BuiltinQuestion, Constraint } from "./schema";
import type { QuestionVariant, VariantRequest } from "./variant";

/**
 * How many catalog seeds a variant may try before the constraints are declared unsatisfiable. A
 * constraint keeping one variant in 50 still finds one with probability 1 − (49/50)^1000 > 0.9999999.
 */
export const MAX_CANDIDATE_SEEDS = 1000;

/**
 * The catalog seed a built-in question's seed stands for: the first of a scan of catalog seeds,
 * drawn from a generator seeded with `seed`, whose variant has an allowed difficulty and whose
 * check satisfies every constraint. Templates keep their parameters private, so the narrowing
 * reads what every variant shows: its difficulty and the numbers of its engine check.
 */
export function catalogSeedOf(question: BuiltinQuestion, seed: number): number {
  const template = requireTemplate(question.template);
  const rng = questionRng(requireSeed(seed));
  const absent = new Set((question.constraints ?? []).map((c) => c.path));
  for (let attempt = 0; attempt < MAX_CANDIDATE_SEEDS; attempt += 1) {
    const candidate = rng.int(0, MAX_SEED);
    if (accepts(question, template, candidate, absent)) return candidate;
  }
  const paths = [...absent];
  const hint = paths.length > 0 ? ` The path${paths.length > 1 ? "s" : ""} ${paths.join(", ")} never occurred in the checks of ${question.template}: read one with \`stride problems sample --template ${question.template} --seed 1 --json\`.` : "";
  throw new QuestionError(
    "no-seed",
    `no seed satisfies these constraints: none of ${MAX_CANDIDATE_SEEDS} variants of ${question.template} has ${describeNarrowing(question)}.${hint}`,
  );
}

/** A built-in question's variant: the catalog's problem, under the caller's template id and seed. */
export function sampleBuiltinQuestion(question: BuiltinQuestion, request: VariantRequest): QuestionVariant {
  const seed = requireSeed(request.seed);
  const lang = parseLang(request.lang ?? "en");
  const catalogSeed = catalogSeedOf(question, seed);
  const template = requireTemplate(question.template);
  const problem = { ...template.sample(catalogSeed, lang), template: request.templateId, seed };
  return {
    problem,
    misconceptions: template.misconceptions(catalogSeed),
    untranslated: false,
    variables: checkNumbers(problem.check),
    source: { template: question.template, seed: catalogSeed },
  };
}

/** At most this many numbers describe a built-in variant (a zoo model's spec has hundreds). */
const MAX_CHECK_NUMBERS = 24;

/**
 * The numbers of a variant's check by dotted path (`spec.layers.0.stride`: 2), the parameters a
 * template otherwise keeps private, so statistics can compare regions (stride 1 against 2).
 * Short lists (a shape, an `[h, w]` pair) are read entry by entry; matrices and long lists are
 * data, not parameters, and are left out.
 */
export function checkNumbers(check: Check): Record<string, number> {
  const numbers: Record<string, number> = {};
  const visit = (value: unknown, path: string) => {
    if (Object.keys(numbers).length >= MAX_CHECK_NUMBERS) return;
    if (typeof value === "number") numbers[path] = value;
    else if (Array.isArray(value)) {
      if (value.length <= 4 && value.every((x) => typeof x === "number")) value.forEach((x, i) => visit(x, `${path}.${i}`));
      else if (value.every((x) => typeof x === "object" && x !== null && !Array.isArray(x))) value.forEach((x, i) => visit(x, `${path}.${i}`));
    } else if (typeof value === "object" && value !== null) {
      for (const [key, inner] of Object.entries(value)) visit(inner, path ? `${path}.${key}` : key);
    }
  };
  if (check) visit(check.mode === "analyze" ? { spec: check.spec } : { op: check.op }, "");
  return numbers;
}

function accepts(question: BuiltinQuestion, template: RegisteredTemplate, seed: number, absent: Set<string>): boolean {
  if (question.difficulties && !question.difficulties.includes(template.difficultyOf(seed))) return false;
  const constraints = question.constraints ?? [];
  if (constraints.length === 0) return true;
  const check = template.sample(seed, "en").check;
  return constraints.every((constraint) => satisfies(check, constraint, absent));
}

/** Whether the number at the constraint's path (both numbers of an `[h, w]` pair) is allowed. */
export function satisfies(check: Check, constraint: Constraint, absent?: Set<string>): boolean {
  let value: unknown = check;
  for (const key of constraint.path.split(".")) {
    if (typeof value !== "object" || value === null || !Object.hasOwn(value, key)) return false;
    value = (value as Record<string, unknown>)[key];
  }
  const numbers = typeof value === "number" ? [value] : Array.isArray(value) && value.every((x) => typeof x === "number") ? (value as number[]) : null;
  if (numbers === null || numbers.length === 0) return false;
  absent?.delete(constraint.path);
  return numbers.every(
    (x) => (constraint.in === undefined || constraint.in.includes(x)) && (constraint.min === undefined || x >= constraint.min) && (constraint.max === undefined || x <= constraint.max),
  );
}

function describeNarrowing(question: BuiltinQuestion): string {
  const parts = (question.constraints ?? []).map((c) => {
    const bounds = [c.in ? `in [${c.in.join(", ")}]` : "", c.min !== undefined ? `≥ ${c.min}` : "", c.max !== undefined ? `≤ ${c.max}` : ""].filter(Boolean);
    return `${c.path} ${bounds.join(" and ")}`;
  });
  if (question.difficulties) parts.unshift(`difficulty ${question.difficulties.join(" or ")}`);
  return parts.join(", ");
}
