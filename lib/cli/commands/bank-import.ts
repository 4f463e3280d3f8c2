import { importBank } from "../../server/questions/import-bank";
import { noPositionals, parseFlags, requireFlag } from "../args";
import { UsageError } from "../errors";
import type { CliIo } from "../io";
import { type BankDatabase, openConfiguredDatabase, userIdOf } from "./bank-database";
import { asCliErrors } from "./bank-errors";

/** `stride bank import --course ID --as EMAIL FILE|-`: the bundle as a new bank; prints its id and size as JSON. */
export async function bankImport(args: string[], io: CliIo, open: () => Promise<BankDatabase> = openConfiguredDatabase): Promise<number> {
  const { values, positionals } = parseFlags("bank import", args, { course: { type: "string" }, as: { type: "string" } });
  const [file, ...rest] = positionals;
  noPositionals("bank import", rest);
  if (!file) throw new UsageError("bank import: give the bundle FILE (or - for stdin)");
  const courseId = requireFlag("bank import", "course", values.course);
  const email = requireFlag("bank import", "as", values.as);
  const text = file === "-" ? await io.readStdin() : await io.readFile(file);
  const { db, close } = await open();
  try {
    const userId = await userIdOf(db, email);
    const imported = await asCliErrors(() => importBank({ db, userId, courseId, text, now: new Date() }));
    await io.out(`${JSON.stringify(imported)}\n`);
    return 0;
  } finally {
    await close();
  }
}
