import { z } from "zod";
import { QuestionError } from "./errors";
import { describeIssues, issuesOf } from "./parse-definition";
import { questionDefinitionSchema } from "./schema";

/**
 * The JSON bundle of a question bank: the lossless exchange format between Stride instances
 * (and the CLI's `stride bank export|import`). Every version of every question is kept, so
 * reviews pointing at an old version can still be replayed after an import.
 */
export const BUNDLE_FORMAT = "stride-bank";
export const BUNDLE_VERSION = 1;

const questionVersionSchema = z.strictObject({
  /** 1, 2, …: editing a published question makes a new version. */
  version: z.int().positive(),
  published: z.boolean(),
  definition: questionDefinitionSchema,
});

const bankQuestionSchema = z
  .strictObject({
    /** Stable within the bank (the database's id, or a slug): how an import matches a question again. */
    key: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]*$/, "a key is letters, digits and _ . : -"),
    versions: z.array(questionVersionSchema).min(1),
  })
  .superRefine((question, context) => {
    question.versions.forEach((version, index) => {
      const before = question.versions[index - 1];
      if (before && version.version <= before.version) {
        context.addIssue({ code: "custom", path: ["versions", index, "version"], message: `versions go up: ${version.version} follows ${before.version}` });
      }
    });
  });

export const bundleSchema = z.strictObject({
  format: z.literal(BUNDLE_FORMAT, { message: `not a Stride bank bundle: format must be "${BUNDLE_FORMAT}"` }),
  version: z.literal(BUNDLE_VERSION, { message: `unsupported bundle version: this Stride reads version ${BUNDLE_VERSION}` }),
  bank: z.strictObject({
    title: z.string().refine((title) => title.trim().length > 0, { message: "a bank has a title" }),
    questions: z.array(bankQuestionSchema).superRefine((questions, context) => {
      const seen = new Set<string>();
      questions.forEach((question, index) => {
        if (seen.has(question.key)) context.addIssue({ code: "custom", path: [index, "key"], message: `the key ${question.key} is used twice` });
        seen.add(question.key);
      });
    }),
  }),
});

export type Bundle = z.infer<typeof bundleSchema>;
export type Bank = Bundle["bank"];
export type BankQuestion = Bank["questions"][number];
export type QuestionVersion = BankQuestion["versions"][number];

/**
 * The bank as bundle text, normalised: object keys sorted at every level, two-space indentation,
 * a final newline. So export → import → export is byte-identical whatever order the database or
 * the file gave the keys in. An invalid bank is a `QuestionError` "invalid-bundle".
 */
export function exportBundle(bank: Bank): string {
  const bundle = validateBundle({ format: BUNDLE_FORMAT, version: BUNDLE_VERSION, bank });
  return `${JSON.stringify(sortKeys(bundle), null, 2)}\n`;
}

/** The bank of a bundle file's text; a `QuestionError` "invalid-bundle" whose issues name each path. */
export function importBundle(text: string): Bank {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new QuestionError("invalid-bundle", `the bundle is not JSON: ${(error as Error).message}`, [{ path: "", message: (error as Error).message }]);
  }
  return validateBundle(document).bank;
}

function validateBundle(document: unknown): Bundle {
  const parsed = bundleSchema.safeParse(document);
  if (parsed.success) return parsed.data;
  const issues = issuesOf(parsed.error);
  throw new QuestionError("invalid-bundle", `invalid bank bundle:\n${describeIssues(issues)}`, issues);
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}
