import type { Metadata } from "next";
import { headers } from "next/headers";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import "katex/dist/katex.min.css";
import "./globals.css";
import { SiteFooter } from "./_components/site-footer";
import { SiteHeader } from "./_components/site-header";
import { ApiProvider } from "./_components/trpc";
import { getSessionUser } from "@/lib/server/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return { title: { default: `${t("appName")} · ${t("tagline")}`, template: `%s · ${t("appName")}` }, description: t("tagline") };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const user = await getSessionUser(await headers());
  return (
    <html lang={locale}>
      <body className="min-h-screen">
        <NextIntlClientProvider>
          <ApiProvider>
            <SiteHeader user={user ? { name: user.name, role: user.role } : null} locale={locale} />
            <main className="mx-auto w-full max-w-4xl px-4 py-8 sm:px-6">{children}</main>
            <SiteFooter />
          </ApiProvider>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
