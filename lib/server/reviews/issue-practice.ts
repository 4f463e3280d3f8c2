import type { PrismaClient } from "@/lib/db";
import { type Difficulty, getTemplate, type Lang, listTemplates, type Problem } from "@/lib/problems";
import { AppError } from "../errors";
import { publishedQuestionsFor } from "../questions/published-questions-for";
import { isQuestionFailure } from "./issue-failure";
import { learnerPayload } from "./learner-payload";
import { claimPracticeVariant, readSkillHistory, type SkillHistory } from "./practice-history";
import { randomSeed as defaultSeed, type SeedSource } from "./random-seed";
import { ONE_OPEN_VARIANT, uniqueViolationOf } from "./unique-violation";
import { variantProblem } from "./variant-problem";
import { servedText, variantText } from "./variant-text";

export interface PracticeFilter {
  /** Topics to draw from; empty or absent for every topic. */
  topics?: readonly string[];
  /** Only variants of this difficulty. */
  difficulty?: Difficulty;
  /** One skill (template id) only. */
  template?: string;
  /** The published questions of one course the learner joined (its id), instead of the catalog's skills. */
  course?: string;
  /** Only the published questions of this bank of `course` (its id). */
  bank?: string;
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
  if (chosen.length === 0) throw new AppError("BAD_INPUT", "difficulty: no skill of these topics has variants of that difficulty", { reason: "practice.noSuchDifficulty" });
  return chosen.map((entry) => entry.template);
}

function matches(variant: { templateId: string; seed: number }, templates: readonly string[], difficulty: Difficulty | undefined): boolean {
  if (!templates.includes(variant.templateId)) return false;
  return !difficulty || getTemplate(variant.templateId)?.difficultyOf(variant.seed) === difficulty;
}

// Each round returns, or lost a race to a parallel request whose variant the next round reads
// (or whose variant of the skill the next round draws against), or drew a course question that
// could not be built for its seed.
const MAX_ROUNDS = 4;

/** What practice draws from: template ids, and for a course's questions their versions and the course's title. */
interface PracticePool {
  templates: string[];
  versionOf: ReadonlyMap<string, string> | null;
  course: string | null;
}

/**
 * One course's published questions, as the review queue sees them (published-questions-for.ts):
 * only a learner of the course may practise them; with a bank, only that bank's. Topic, skill and
 * difficulty are the catalog's filters; a course's questions are practised together, each at the
 * difficulties its author chose. Membership is checked before the bank, and a bank of another
 * course is refused like an unknown one, so the answer tells nothing about other courses' banks.
 */
async function coursePool(db: PrismaClient, userId: string, filter: PracticeFilter): Promise<PracticePool> {
  if (filter.template !== undefined || filter.difficulty !== undefined || (filter.topics?.length ?? 0) > 0) {
    throw new AppError("BAD_INPUT", "course: a course's questions are practised all together; leave out topics, template and difficulty");
  }
  const ofCourse = (await publishedQuestionsFor({ db, userId })).filter((question) => question.courseId === filter.course);
  if (ofCourse.length === 0) throw new AppError("BAD_INPUT", "course: you are not a learner of this course, or it has no published questions yet", { reason: "practice.courseEmpty" });
  const questions = filter.bank === undefined ? ofCourse : ofCourse.filter((question) => question.bankId === filter.bank);
  if (questions.length === 0) {
    const bank = await db.bank.findFirst({ where: { id: filter.bank, courseId: filter.course }, select: { id: true } });
    if (!bank) throw new AppError("NOT_FOUND", "bank: this course has no such bank", { reason: "practice.bankNotInCourse" });
    throw new AppError("BAD_INPUT", "bank: this bank has no published questions (they may have been archived)", { reason: "practice.bankEmpty" });
  }
  return {
    templates: questions.map((question) => question.templateId),
    versionOf: new Map(questions.map((question) => [question.templateId, question.questionVersionId])),
    course: questions[0]!.courseTitle,
  };
}

/** A seed of `templateId` of the difficulty asked. */
function drawSeed(templateId: string, difficulty: Difficulty | undefined, randomSeed: SeedSource): number {
  let seed = randomSeed();
  for (let draw = 0; difficulty && getTemplate(templateId)?.difficultyOf(seed) !== difficulty; draw += 1) {
    if (draw >= MAX_SEED_DRAWS) throw new Error(`${templateId}: no ${difficulty} variant in ${MAX_SEED_DRAWS} seeds`);
    seed = randomSeed();
  }
  return seed;
}

// A seed whose problem the learner saw lately is drawn again this many times at most: a template
// with fewer variants than RECENT_VARIANTS may have none left, and is served a repeat after them.
const MAX_REDRAWS = 8;

interface FreshVariant {
  db: PrismaClient;
  templateId: string;
  questionVersionId: string | null;
  difficulty: Difficulty | undefined;
  lang: Lang;
  history: SkillHistory;
  randomSeed: SeedSource;
}

/**
 * A seed of the difficulty asked whose problem is none of the learner's recent ones of the skill
 * (compared as the learner reads them: two seeds may build the same problem), and its problem.
 */
async function drawFresh({ db, templateId, questionVersionId, difficulty, lang, history, randomSeed }: FreshVariant) {
  const seen = new Set((await Promise.all(history.recent.map((served) => servedText(db, templateId, lang, served)))).filter((text) => text !== null));
  let seed = drawSeed(templateId, difficulty, randomSeed);
  let { problem } = await variantProblem({ db, templateId, seed, lang, questionVersionId });
  for (let redraw = 0; redraw < MAX_REDRAWS && seen.has(variantText(problem)); redraw += 1) {
    seed = drawSeed(templateId, difficulty, randomSeed);
    ({ problem } = await variantProblem({ db, templateId, seed, lang, questionVersionId }));
  }
  return { seed, problem };
}

/**
 * Practice: a fresh variant of a skill the filter allows, of the chosen difficulty, or of one of
 * a course's (or one of its banks') published questions. Practice is kept in the history but never moves the schedule:
 * its variants have no card. A learner holds one open practice problem (like the review queue, a
 * partial unique index keeps it so under racing requests): one that still fits the filter is
 * given again, so a reload never loses it; one that does not is withdrawn and replaced. A fresh
 * variant is none of the learner's last few of its skill (issue 13, item 7: answered, withdrawn
 * or reviewed), also when another tab issues one meanwhile (practice-history.ts). A course
 * question that cannot be built for the seed drawn is drawn again (its instructor sees the
 * failure when it happens in a review).
 */
export async function issuePractice({ db, userId, lang, now, randomSeed = defaultSeed, ...filter }: IssuePracticeOptions) {
  if (filter.bank !== undefined && filter.course === undefined) throw new AppError("BAD_INPUT", "bank: a bank is practised with its course; give the course too");
  const pool: PracticePool = filter.course !== undefined ? await coursePool(db, userId, filter) : { templates: practiceTemplates(filter), versionOf: null, course: null };
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const open = await db.variant.findFirst({ where: { userId, mode: "practice", answeredAt: null, withdrawnAt: null } });
    if (open && matches(open, pool.templates, filter.difficulty)) {
      try {
        return await practicePayload(db, open, pool.course);
      } catch (error) {
        if (!isQuestionFailure(open.templateId, error)) throw error;
      }
    }
    if (open) await db.variant.updateMany({ where: { id: open.id, answeredAt: null, withdrawnAt: null }, data: { withdrawnAt: now } });
    const templateId = pool.templates[randomSeed() % pool.templates.length] as string;
    const questionVersionId = pool.versionOf?.get(templateId) ?? null;
    const history = await readSkillHistory(db, userId, templateId);
    let fresh: Awaited<ReturnType<typeof drawFresh>>;
    try {
      fresh = await drawFresh({ db, templateId, questionVersionId, difficulty: filter.difficulty, lang, history, randomSeed });
    } catch (error) {
      if (!isQuestionFailure(templateId, error)) throw error;
      continue;
    }
    try {
      const variant = await claimPracticeVariant({ db, userId, templateId, questionVersionId, seed: fresh.seed, lang, now, history });
      // Null: the skill was issued meanwhile (another tab); the next round reads it and draws again.
      if (variant) return await issuedPractice(variant, fresh.problem, pool.course);
    } catch (error) {
      if (uniqueViolationOf(error) !== ONE_OPEN_VARIANT) throw error;
    }
  }
  throw new AppError("UNAVAILABLE", "Practice is busy; try again in a moment.", { reason: "practice.busy" });
}

type PracticeVariant = { id: string; templateId: string; seed: number; lang: string; issuedAt: Date; questionVersionId: string | null };

/** `course`: the title of the course a course question comes from, null for the catalog's. */
async function issuedPractice(variant: PracticeVariant, problem: Problem, course: string | null) {
  return { status: "issued" as const, variantId: variant.id, issuedAt: variant.issuedAt, problem: await learnerPayload(problem), course };
}

async function practicePayload(db: PrismaClient, variant: PracticeVariant, course: string | null) {
  const { problem } = await variantProblem({ db, ...variant });
  return issuedPractice(variant, problem, course);
}
