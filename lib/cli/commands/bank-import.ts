import { importBank } from "../../server/questions/import-bank";
import { runValidation } from "../../server/questions/question-content";
import { noPositionals, parseFlags, requireFlag } from "../args";
import { UsageError } from "../errors";
import type { CliIo } from "../io";
import { readTextInput } from "../read-text";
import { type BankDatabase, openConfiguredDatabase, userIdOf } from "./bank-database";
import { asCliErrors } from "./bank-errors";

/**
 * `stride bank import --course ID --as EMAIL FILE|-`: the bundle as a new bank; prints its id, size
 * and the questions kept as drafts as JSON. A question the bundle marks published goes live only
 * when its validation run passes, as in the app; one that fails is imported as a draft, and a line
 * on stderr says which and why (the import itself succeeded: exit 0). The validation runs in this
 * process: a command has no server's worker pool (and may run outside the checkout).
 */
export async function bankImport(args: string[], io: CliIo, open: () => Promise<BankDatabase> = openConfiguredDatabase): Promise<number> {
  const { values, positionals } = parseFlags("bank import", args, { course: { type: "string" }, as: { type: "string" } });
  const [file, ...rest] = positionals;
  noPositionals("bank import", rest);
  if (!file) throw new UsageError("bank import: give the bundle FILE (or - for stdin)");
  const courseId = requireFlag("bank import", "course", values.course);
  const email = requireFlag("bank import", "as", values.as);
  const text = await readTextInput(io, "bank import", file);
  const { db, close } = await open();
  try {
    const userId = await userIdOf(db, email);
    const validate = async ({ definition, templateId, now }: { definition: unknown; templateId: string; now: Date }) => runValidation(definition, { templateId, now });
    const imported = await asCliErrors(() => importBank({ db, userId, courseId, text, now: new Date(), validate }));
    await io.out(`${JSON.stringify(imported)}\n`);
    for (const draft of imported.drafts) {
      io.err(`stride: ${draft.key} (version ${draft.version}) stayed a draft: ${draft.failureCount} of ${draft.checked} variants failed its validation, e.g. ${draft.message}`);
    }
    return 0;
  } finally {
    await close();
  }
}
