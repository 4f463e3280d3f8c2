import type { PrismaClient } from "@/lib/db";
import { requireOwner } from "../courses/course-access";
import { runTask } from "../workers/pool";
import { type BundleBank, definitionSummary, readBundle, type ValidationSummary } from "./question-content";

/** A validation run (question-content.ts's `runValidation`), wherever it runs. */
export type ValidateDefinition = (run: { definition: unknown; templateId: string; now: Date }) => Promise<ValidationSummary>;

/**
 * The server's way: on a worker thread (lib/server/workers), as `questions.validate` runs it, so a
 * bundle of many questions keeps one thread busy, never the request thread.
 */
export const validateOnWorker: ValidateDefinition = ({ definition, templateId, now }) => runTask("validateQuestion", { definition, templateId, now: now.toISOString() });

/** A bundle question marked published whose validation run failed, so it was imported as a draft. */
export interface ImportedDraft {
  /** The question's key in the bundle and its position in the new bank (0-based). */
  key: string;
  position: number;
  title: string;
  /** The version the bundle marked published, the one validated. */
  version: number;
  /** How many variants failed of how many built, and the first failure's message (the author's to read). */
  failureCount: number;
  checked: number;
  message: string;
}

/** The validation run of the version a bundle question would publish, or null when it publishes none. */
interface Candidate {
  version: number;
  validation: ValidationSummary;
}

/**
 * A bundle file imported into a course as a new bank at the end of its list: every question with
 * every version. A question the bundle marks published goes live only after the same validation
 * run publishing needs (a bundle is a file anyone could have written: `a/(a-a)` marked published
 * would otherwise reach learners). Its summary is stored on the version, as `questions.validate`
 * stores it; a question that fails is imported as a draft, no version published, and listed in
 * the answer with why. A bad file is refused whole, the message naming each bad path.
 *
 * The validation runs before the transaction, so no row is locked while variants are built; one
 * question at a time, so a large bundle never fills the worker pool's queue for everyone else.
 * `validate` is the worker pool's by default; the CLI, which has no pool, runs it in its process.
 */
export async function importBank({
  db,
  userId,
  courseId,
  text,
  now,
  validate = validateOnWorker,
}: {
  db: PrismaClient;
  userId: string;
  courseId: string;
  text: string;
  now: Date;
  validate?: ValidateDefinition;
}) {
  await requireOwner({ db, courseId, userId });
  const bank = readBundle(text);
  const candidates = await validatePublished(bank, now, validate);
  const last = await db.bank.aggregate({ where: { courseId }, _max: { position: true } });
  const created = await db.$transaction(async (tx) => {
    const row = await tx.bank.create({ data: { courseId, title: bank.title, position: (last._max.position ?? -1) + 1 } });
    for (const [position, question] of bank.questions.entries()) {
      const latest = question.versions.at(-1)!;
      const candidate = candidates[position];
      const live = candidate?.validation.ok ? candidate.version : null;
      await tx.question.create({
        data: {
          bankId: row.id,
          position,
          ...definitionSummary(latest.definition),
          latestVersion: latest.version,
          publishedVersion: live,
          versions: {
            create: question.versions.map((version) => ({
              version: version.version,
              definition: version.definition,
              authorId: userId,
              // A question that stayed a draft publishes no version, not even an older one: its
              // author decides what learners get, after fixing it.
              publishedAt: version.published && live !== null ? now : null,
              ...(version.version === candidate?.version ? { validation: { ...candidate.validation } } : {}),
            })),
          },
        },
      });
    }
    return row;
  });
  return { bankId: created.id, title: created.title, questions: bank.questions.length, drafts: draftsOf(bank, candidates) };
}

/** The validation run of each question's latest published version, by position (null: none published). */
async function validatePublished(bank: BundleBank, now: Date, validate: ValidateDefinition): Promise<(Candidate | null)[]> {
  const candidates: (Candidate | null)[] = [];
  for (const question of bank.questions) {
    const published = question.versions.filter((version) => version.published).at(-1);
    candidates.push(published ? { version: published.version, validation: await validate({ definition: published.definition, templateId: `question:${question.key}`, now }) } : null);
  }
  return candidates;
}

function draftsOf(bank: BundleBank, candidates: readonly (Candidate | null)[]): ImportedDraft[] {
  return bank.questions.flatMap((question, position) => {
    const candidate = candidates[position];
    if (!candidate || candidate.validation.ok) return [];
    const latest = question.versions.at(-1)!;
    const [first] = candidate.validation.failures;
    return [
      {
        key: question.key,
        position,
        title: definitionSummary(latest.definition).title,
        version: candidate.version,
        failureCount: candidate.validation.failureCount,
        checked: candidate.validation.checked,
        message: first?.message ?? "",
      },
    ];
  });
}
