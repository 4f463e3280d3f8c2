import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LanguageSwitcher } from "./language-switcher";
import { NavLinks } from "./nav-links";
import { SignOutButton } from "./sign-out-button";
import { SiteMenu } from "./site-menu";
import type { Theme } from "./theme";
import { ThemeSwitcher } from "./theme-switcher";

interface SiteHeaderProps {
  user: { name: string; role: string } | null;
  locale: string;
  theme: Theme;
}

/**
 * The header: the logo, the sections and the account controls in one row on a wide screen, in
 * a menu under a button below 1280 px (./site-menu.tsx). "Sign in" stays outside the menu, so a
 * visitor sees it on a phone without opening anything.
 */
export async function SiteHeader({ user, locale, theme }: SiteHeaderProps) {
  const t = await getTranslations("common");
  return (
    <header className="relative border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-4xl items-center gap-3 px-4 py-3 sm:px-6 xl:max-w-none xl:gap-4">
        <Link href="/" className="flex shrink-0 items-center gap-2 text-lg font-semibold tracking-tight text-slate-900">
          <span aria-hidden className="grid h-7 w-7 place-items-center rounded-md bg-brand-600 text-sm font-bold text-white">
            S
          </span>
          {t("appName")}
        </Link>
        {!user && (
          <Link
            href="/sign-in"
            className="ml-auto whitespace-nowrap rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700 xl:order-last xl:ml-0"
          >
            {t("nav.signIn")}
          </Link>
        )}
        <SiteMenu label={t("nav.menu")} pushRight={user !== null}>
          <NavLinks
            label={t("nav.label")}
            links={[
              { href: "/review", label: t("nav.review") },
              { href: "/practice", label: t("nav.practice") },
              { href: "/progress", label: t("nav.progress") },
              { href: "/calc", label: t("nav.calc") },
              { href: "/glossary", label: t("nav.glossary") },
              // A learner's courses hold their quizzes and exams; an instructor's are under Teach.
              ...(user?.role === "learner" ? [{ href: "/courses", label: t("nav.courses") }] : []),
              ...(user ? [{ href: "/settings", label: t("nav.settings") }] : []),
              ...(user?.role === "instructor" || user?.role === "admin" ? [{ href: "/teach", label: t("nav.teach") }] : []),
              ...(user?.role === "admin" ? [{ href: "/admin/lti", label: t("nav.admin") }] : []),
            ]}
          />
          <div className="flex flex-wrap items-center gap-3 border-t border-slate-200 pt-4 text-sm xl:ml-auto xl:flex-nowrap xl:border-0 xl:pt-0">
            <LanguageSwitcher current={locale} signedIn={user !== null} />
            <ThemeSwitcher current={theme} />
            {user && (
              <>
                <Link href="/join" className="whitespace-nowrap px-1 py-1.5 text-slate-600 hover:text-slate-900 hover:underline" data-testid="join-link">
                  {t("nav.join")}
                </Link>
                <SignOutButton label={t("nav.signOut")} />
              </>
            )}
          </div>
        </SiteMenu>
      </div>
    </header>
  );
}
