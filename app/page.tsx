import Link from "next/link";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { getSessionUser } from "@/lib/server/session";
import { landingPathFor } from "./sign-in/landing-path";

export const dynamic = "force-dynamic";

export default async function HomePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const t = await getTranslations("home");
  const ta = await getTranslations("account");
  const user = await getSessionUser(await headers());
  // Where Settings sends a deleted account (app/settings/delete-account-section.tsx).
  const accountDeleted = !user && (await searchParams).account === "deleted";
  const features = ["engine", "feedback", "schedule"] as const;
  // An instructor's work starts at their courses, a learner's at today's reviews.
  const landing = user ? landingPathFor(user.role, null) : null;
  return (
    <div className="space-y-12">
      {accountDeleted && (
        <p role="status" data-testid="account-deleted" className="rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-emerald-800">
          {ta("deletedNotice")}
        </p>
      )}
      <section className="rounded-2xl bg-gradient-to-br from-brand-600 to-indigo-800 px-6 py-12 text-white shadow-lg sm:px-10">
        <p className="text-sm font-medium uppercase tracking-widest text-brand-100">Stride</p>
        <h1 className="mt-3 max-w-2xl text-3xl font-bold leading-tight sm:text-4xl">{t("title")}</h1>
        <p className="mt-4 max-w-2xl text-base leading-relaxed text-brand-50">{t("lead")}</p>
        <div className="mt-8 flex flex-wrap gap-3">
          {landing ? (
            <>
              <Link href={landing} className="rounded-lg bg-white px-5 py-2.5 font-semibold text-brand-700 shadow hover:bg-brand-50">
                {landing === "/teach" ? t("startTeaching") : t("start")}
              </Link>
              <Link href="/progress" className="rounded-lg border border-white/40 px-5 py-2.5 font-semibold text-white hover:bg-white/10">
                {t("progress")}
              </Link>
              {landing !== "/teach" && (
                <Link href="/courses" className="rounded-lg border border-white/40 px-5 py-2.5 font-semibold text-white hover:bg-white/10">
                  {t("courses")}
                </Link>
              )}
            </>
          ) : (
            <Link href="/sign-in" className="rounded-lg bg-white px-5 py-2.5 font-semibold text-brand-700 shadow hover:bg-brand-50">
              {t("signInToStart")}
            </Link>
          )}
        </div>
      </section>
      <section className="grid gap-4 sm:grid-cols-3">
        {features.map((feature) => (
          <div key={feature} className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
            <h2 className="font-semibold text-slate-900">{t(`features.${feature}Title`)}</h2>
            <p className="mt-2 text-sm leading-relaxed text-slate-600">{t(`features.${feature}Body`)}</p>
          </div>
        ))}
      </section>
    </div>
  );
}
