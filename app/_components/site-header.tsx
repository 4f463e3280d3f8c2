import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LanguageSwitcher } from "./language-switcher";
import { NavLinks } from "./nav-links";
import { SignOutButton } from "./sign-out-button";

interface SiteHeaderProps {
  user: { name: string; role: string } | null;
  locale: string;
}

export async function SiteHeader({ user, locale }: SiteHeaderProps) {
  const t = await getTranslations("common");
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-4xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3 sm:px-6">
        <Link href="/" className="flex items-center gap-2 text-lg font-semibold tracking-tight text-slate-900">
          <span aria-hidden className="grid h-7 w-7 place-items-center rounded-md bg-brand-600 text-sm font-bold text-white">
            S
          </span>
          {t("appName")}
        </Link>
        <NavLinks
          label={t("nav.label")}
          links={[
            { href: "/review", label: t("nav.review") },
            { href: "/practice", label: t("nav.practice") },
            { href: "/progress", label: t("nav.progress") },
            { href: "/calc", label: t("nav.calc") },
            { href: "/glossary", label: t("nav.glossary") },
            ...(user ? [{ href: "/settings", label: t("nav.settings") }] : []),
            ...(user?.role === "instructor" || user?.role === "admin" ? [{ href: "/teach", label: t("nav.teach") }] : []),
          ]}
        />
        <div className="ml-auto flex items-center gap-2 text-sm sm:gap-3">
          <LanguageSwitcher current={locale} signedIn={user !== null} />
          {user ? (
            <>
              <Link href="/join" className="whitespace-nowrap text-slate-600 hover:text-slate-900 hover:underline" data-testid="join-link">
                {t("nav.join")}
              </Link>
              <SignOutButton label={t("nav.signOut")} />
            </>
          ) : (
            <Link
              href="/sign-in"
              className="whitespace-nowrap rounded-md bg-brand-600 px-3 py-1.5 font-medium text-white hover:bg-brand-700"
            >
              {t("nav.signIn")}
            </Link>
          )}
        </div>
      </div>
    </header>
  );
}
