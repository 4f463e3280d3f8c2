import type { PrismaClient } from "@/lib/db";
import { type Difficulty, getTemplate, type Lang, listTemplates, sampleProblem } from "@/lib/problems";
import { AppError } from "../errors";
import { learnerPayload } from "./learner-payload";
import { randomSeed as defaultSeed, type SeedSource } from "./random-seed";

export interface PracticeFilter {
  /** Topics to draw from; empty or absent for every topic. */
  topics?: readonly string[];
  /** Only variants of this difficulty. */
  difficulty?: Difficulty;
  /** One skill (template id) only. */
  template?: string;
}

export interface IssuePracticeOptions extends PracticeFilter {
  db: PrismaClient;
  userId: string;
  lang: Lang;
  now: Date;
  randomSeed?: SeedSource;
}

// Difficulties are spread evenly over seeds, so a match comes within a few draws; the cap only
// guards against a template whose difficulties were declared wrong.
const MAX_SEED_DRAWS = 500;

/** The templates a filter allows, or a BAD_INPUT error naming what matched nothing. */
export function practiceTemplates(filter: PracticeFilter): string[] {
  const all = listTemplates();
  if (filter.template !== undefined) {
    const template = all.find((entry) => entry.template === filter.template);
    if (!template) throw new AppError("BAD_INPUT", `template: there is no skill ${JSON.stringify(filter.template)}`);
    if (filter.difficulty && !template.difficulties.includes(filter.difficulty)) {
      throw new AppError("BAD_INPUT", `difficulty: ${template.template} has no ${filter.difficulty} variants`);
    }
    return [template.template];
  }
  const topics = new Set(filter.topics ?? []);
  const unknown = [...topics].filter((topic) => !all.some((entry) => entry.topic === topic));
  if (unknown.length > 0) throw new AppError("BAD_INPUT", `topics: there is no topic ${unknown.map((t) => JSON.stringify(t)).join(", ")}`);
  const chosen = all.filter(
    (entry) => (topics.size === 0 || topics.has(entry.topic)) && (!filter.difficulty || entry.difficulties.includes(filter.difficulty)),
  );
  if (chosen.length === 0) throw new AppError("BAD_INPUT", "difficulty: no skill of these topics has variants of that difficulty");
  return chosen.map((entry) => entry.template);
}

function matches(variant: { templateId: string; seed: number }, templates: readonly string[], difficulty: Difficulty | undefined): boolean {
  if (!templates.includes(variant.templateId)) return false;
  return !difficulty || getTemplate(variant.templateId)?.difficultyOf(variant.seed) === difficulty;
}

/**
 * Practice: a fresh variant of a skill the filter allows, of the chosen difficulty. Practice is
 * kept in the history but never moves the schedule: its variants have no card. An open practice
 * problem that still fits the filter is given again, so a reload never loses it.
 */
export async function issuePractice({ db, userId, lang, now, randomSeed = defaultSeed, ...filter }: IssuePracticeOptions) {
  const templates = practiceTemplates(filter);
  const open = await db.variant.findFirst({
    where: { userId, mode: "practice", answeredAt: null, templateId: { in: templates } },
    orderBy: { issuedAt: "desc" },
  });
  const reusable = open && matches(open, templates, filter.difficulty) ? open : null;

  const variant =
    reusable ??
    (await (async () => {
      const templateId = templates[randomSeed() % templates.length] as string;
      let seed = randomSeed();
      for (let draw = 0; filter.difficulty && getTemplate(templateId)?.difficultyOf(seed) !== filter.difficulty; draw += 1) {
        if (draw >= MAX_SEED_DRAWS) throw new Error(`${templateId}: no ${filter.difficulty} variant in ${MAX_SEED_DRAWS} seeds`);
        seed = randomSeed();
      }
      return db.variant.create({ data: { userId, cardId: null, mode: "practice", templateId, seed, lang, issuedAt: now } });
    })());

  const problem = sampleProblem({ template: variant.templateId, seed: variant.seed, lang: variant.lang as Lang });
  return { status: "issued" as const, variantId: variant.id, issuedAt: variant.issuedAt, problem: learnerPayload(problem) };
}
