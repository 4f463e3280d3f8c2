"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { LOCALE_COOKIE, LOCALES, type Locale } from "@/lib/i18n/locales";
import { useTRPC } from "./trpc";

const ONE_YEAR_SECONDS = 60 * 60 * 24 * 365;

export function LanguageSwitcher({ current, signedIn }: { current: string; signedIn: boolean }) {
  const t = useTranslations("common");
  const router = useRouter();
  const trpc = useTRPC();
  const setLocale = useMutation(trpc.account.setLocale.mutationOptions());
  const [pending, startTransition] = useTransition();

  async function choose(locale: Locale) {
    document.cookie = `${LOCALE_COOKIE}=${locale}; path=/; max-age=${ONE_YEAR_SECONDS}; samesite=lax`;
    // The account remembers the language too, so problems are issued in it on every device.
    if (signedIn) await setLocale.mutateAsync({ locale }).catch(() => undefined);
    startTransition(() => router.refresh());
  }

  return (
    <label className="flex items-center gap-1 text-slate-500">
      <span className="sr-only">{t("language")}</span>
      <select
        aria-label={t("language")}
        data-testid="language-switcher"
        className="rounded-md border border-slate-200 bg-white px-2 py-1 text-sm text-slate-700"
        value={current}
        disabled={pending}
        onChange={(event) => void choose(event.target.value as Locale)}
      >
        {LOCALES.map((locale) => (
          <option key={locale} value={locale}>
            {t(`languageNames.${locale}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
