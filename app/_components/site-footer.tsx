import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ShortcutHelp } from "./shortcut-help";

export async function SiteFooter() {
  const t = await getTranslations("common.footer");
  return (
    <footer className="mx-auto flex w-full max-w-4xl flex-wrap items-center justify-between gap-2 px-4 pb-10 text-xs text-slate-500 sm:px-6">
      <span>{t("about")}</span>
      <span className="flex items-center gap-4">
        <ShortcutHelp />
        <Link href="/engine" className="underline-offset-2 hover:text-slate-700 hover:underline">
          {t("engineCheck")}
        </Link>
      </span>
    </footer>
  );
}
