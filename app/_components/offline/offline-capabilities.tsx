"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";

/** What Stride can do without a connection and what it cannot, with links to what it can. */
export function OfflineCapabilities() {
  const t = useTranslations("common.offline");
  const link = "font-medium text-brand-700 underline underline-offset-2 hover:text-brand-800";
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <section className="rounded-xl border border-slate-200 bg-white p-5">
        <h2 className="font-semibold">{t("worksTitle")}</h2>
        <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-slate-700">
          <li>
            <Link className={link} href="/calc">
              {t("worksCalc")}
            </Link>
          </li>
          <li>
            <Link className={link} href="/glossary">
              {t("worksGlossary")}
            </Link>
          </li>
          <li>
            <Link className={link} href="/practice/offline">
              {t("worksPractice")}
            </Link>
          </li>
        </ul>
      </section>
      <section className="rounded-xl border border-slate-200 bg-white p-5">
        <h2 className="font-semibold">{t("needsTitle")}</h2>
        <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-slate-700">
          <li>{t("needsReviews")}</li>
        </ul>
      </section>
    </div>
  );
}
