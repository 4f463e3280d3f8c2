"use client";

import "./globals.css";
import { isLocale, LOCALE_COOKIE, localeFromAcceptLanguage } from "@/lib/i18n/locales";
import en from "@/lib/i18n/messages/en/common.json";
import zh from "@/lib/i18n/messages/zh-CN/common.json";

/** The learner's language without the root layout (which failed): their cookie, else the browser's. */
function learnerLocale() {
  if (typeof document === "undefined") return "en";
  const chosen = document.cookie
    .split("; ")
    .find((pair) => pair.startsWith(`${LOCALE_COOKIE}=`))
    ?.slice(LOCALE_COOKIE.length + 1);
  return isLocale(chosen) ? chosen : localeFromAcceptLanguage(navigator.languages.join(","));
}

/**
 * The last resort when the root layout itself fails: Next.js's own is English whatever the
 * learner reads. No provider is left here, so the strings come straight from the catalogue.
 * "Try again" is Next.js's `retry`, which asks the server again, as in app/error.tsx.
 */
export default function GlobalError({ retry }: { error: Error & { digest?: string }; reset: () => void; retry: () => void }) {
  const locale = learnerLocale();
  const t = (locale === "zh-CN" ? zh : en).offline;
  return (
    <html lang={locale}>
      <body className="min-h-screen">
        <main className="mx-auto w-full max-w-4xl space-y-3 px-4 py-8 sm:px-6" role="alert">
          <h1 className="text-2xl font-semibold">{t.errorTitle}</h1>
          <p className="text-slate-700">{typeof navigator !== "undefined" && !navigator.onLine ? t.errorOfflineLead : t.errorLead}</p>
          <button type="button" onClick={retry} className="rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700">
            {t.tryAgain}
          </button>
        </main>
      </body>
    </html>
  );
}
