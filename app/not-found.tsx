import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common.notFound");
  return { title: t("title") };
}

/**
 * An address that matches no page (or a page that called notFound()), in the reader's language
 * and theme, inside the site's header and menu: Next.js's own 404 is English on a white page.
 */
export default async function NotFound() {
  const t = await getTranslations("common.notFound");
  return (
    <div className="space-y-3" data-testid="not-found">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="text-slate-700">{t("lead")}</p>
      <Link href="/" className="inline-block rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700">
        {t("home")}
      </Link>
    </div>
  );
}
