import type { PrismaClient } from "@/lib/db";
import type { Lang } from "@/lib/problems";
import { requireBankOwner } from "../courses/course-access";
import { bankForExchange } from "./bank-bundle";
import { bundleText, giftText, moodleXmlText } from "./question-content";

export type BankExportFormat = "bundle" | "moodle" | "gift";

const FILES: Record<BankExportFormat, { extension: string; contentType: string }> = {
  bundle: { extension: "stride-bank.json", contentType: "application/json; charset=utf-8" },
  moodle: { extension: "moodle.xml", contentType: "application/xml; charset=utf-8" },
  gift: { extension: "gift.txt", contentType: "text/plain; charset=utf-8" },
};

/** A file name safe in a Content-Disposition header: letters, digits and dashes of the title. */
function fileStem(title: string): string {
  return (
    title
      .normalize("NFKD")
      .replace(/[^A-Za-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .toLowerCase()
      .slice(0, 60) || "bank"
  );
}

/** A bank as a download: the lossless JSON bundle, Moodle XML or GIFT (published versions only). */
export async function exportBank({ db, userId, bankId, format, lang }: { db: PrismaClient; userId: string; bankId: string; format: BankExportFormat; lang: Lang }) {
  await requireBankOwner({ db, bankId, userId });
  const bank = await bankForExchange({ db, bankId });
  const body = format === "bundle" ? bundleText(bank) : format === "moodle" ? moodleXmlText(bank, lang) : giftText(bank, lang);
  const file = FILES[format];
  return { body, contentType: file.contentType, filename: `${fileStem(bank.title)}.${file.extension}` };
}
