/**
 * The colour theme a person chose: follow the system, or pin light or dark. Kept in a cookie
 * rather than the account so that the first paint of any page, signed in or not, is already in
 * the right theme (the root layout writes it on <html data-theme>; app/theme.css does the rest).
 */
export const THEMES = ["system", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];
export const THEME_COOKIE = "stride-theme";

/** The theme a cookie's value names; anything else (absent, stale, forged) follows the system. */
export function themeFromCookie(value: string | undefined): Theme {
  return (THEMES as readonly string[]).includes(value ?? "") ? (value as Theme) : "system";
}
