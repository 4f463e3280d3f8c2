import type { Metadata } from "next";
import { cookies, headers } from "next/headers";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import "katex/dist/katex.min.css";
import "./globals.css";
import { RegisterServiceWorker } from "./_components/offline/register-service-worker";
import { SiteFooter } from "./_components/site-footer";
import { SiteHeader } from "./_components/site-header";
import { THEME_COOKIE, themeFromCookie } from "./_components/theme";
import { TimeZoneReport } from "./_components/time-zone-report";
import { ApiProvider } from "./_components/trpc";
import { getSessionUser } from "@/lib/server/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return { title: { default: `${t("appName")} · ${t("tagline")}`, template: `%s · ${t("appName")}` }, description: t("tagline") };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const user = await getSessionUser(await headers());
  const theme = themeFromCookie((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <html lang={locale} data-theme={theme}>
      <body className="min-h-screen">
        <NextIntlClientProvider>
          <ApiProvider>
            <SiteHeader user={user ? { name: user.name, role: user.role } : null} locale={locale} theme={theme} />
            {user && <TimeZoneReport userId={user.id} />}
            <main className="mx-auto w-full max-w-4xl px-4 py-8 sm:px-6">{children}</main>
            <SiteFooter />
            <RegisterServiceWorker />
          </ApiProvider>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
