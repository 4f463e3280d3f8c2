"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { THEME_COOKIE, THEMES, type Theme } from "./theme";

const ONE_YEAR_SECONDS = 60 * 60 * 24 * 365;

/**
 * System, light or dark. The choice applies at once (the stylesheet keys on <html data-theme>)
 * and is remembered in a cookie the root layout reads, so the next page starts in it.
 */
export function ThemeSwitcher({ current }: { current: Theme }) {
  const t = useTranslations("common");
  const [theme, setTheme] = useState<Theme>(current);

  function choose(next: Theme) {
    setTheme(next);
    document.documentElement.dataset.theme = next;
    document.cookie = `${THEME_COOKIE}=${next}; path=/; max-age=${ONE_YEAR_SECONDS}; samesite=lax`;
  }

  return (
    <select
      aria-label={t("theme")}
      data-testid="theme-switcher"
      className="rounded-md border border-slate-200 bg-white px-2 py-1 text-sm text-slate-700"
      value={theme}
      onChange={(event) => choose(event.target.value as Theme)}
    >
      {THEMES.map((value) => (
        <option key={value} value={value}>
          {t(`themeNames.${value}`)}
        </option>
      ))}
    </select>
  );
}
