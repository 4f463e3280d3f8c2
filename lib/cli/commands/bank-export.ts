import { writeFile } from "node:fs/promises";
import { exportBank } from "../../server/questions/export-bank";
import { noPositionals, parseFlags, requireFlag } from "../args";
import { UsageError } from "../errors";
import type { CliIo } from "../io";
import { type BankDatabase, openConfiguredDatabase, userIdOf } from "./bank-database";
import { asCliErrors } from "./bank-errors";

const FORMATS = ["bundle", "moodle", "gift"] as const;

/** `stride bank export --bank ID --as EMAIL [--format bundle|moodle|gift] [--lang en|zh-CN] FILE|-` */
export async function bankExport(args: string[], io: CliIo, open: () => Promise<BankDatabase> = openConfiguredDatabase): Promise<number> {
  const { values, positionals } = parseFlags("bank export", args, {
    bank: { type: "string" },
    as: { type: "string" },
    format: { type: "string", default: "bundle" },
    lang: { type: "string", default: "en" },
  });
  const [file, ...rest] = positionals;
  noPositionals("bank export", rest);
  if (!file) throw new UsageError("bank export: give the FILE to write (or - for stdout)");
  const bankId = requireFlag("bank export", "bank", values.bank);
  const email = requireFlag("bank export", "as", values.as);
  const format = values.format as (typeof FORMATS)[number];
  if (!FORMATS.includes(format)) throw new UsageError(`bank export: --format is one of ${FORMATS.join(", ")}`);
  if (values.lang !== "en" && values.lang !== "zh-CN") throw new UsageError("bank export: --lang is en or zh-CN");
  const { db, close } = await open();
  try {
    const userId = await userIdOf(db, email);
    const exported = await asCliErrors(() => exportBank({ db, userId, bankId, format, lang: values.lang as "en" | "zh-CN" }));
    if (file === "-") await io.out(exported.body);
    else await writeFile(file, exported.body, "utf8");
    return 0;
  } finally {
    await close();
  }
}
