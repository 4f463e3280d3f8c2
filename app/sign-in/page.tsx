import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { env } from "@/lib/env";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/lib/server/auth/demo-accounts";
import { SignInForm } from "./sign-in-form";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("signIn");
  return { title: t("title") };
}

function safeNext(next: string | string[] | undefined): string {
  // Only paths on this site, so a crafted link cannot send someone elsewhere after sign-in.
  return typeof next === "string" && next.startsWith("/") && !next.startsWith("//") ? next : "/review";
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const t = await getTranslations("signIn");
  const next = safeNext((await searchParams).next);
  const demo = env().STRIDE_INTERNAL_DEMO === "1";
  return (
    <SignInForm
      next={next}
      title={t("title")}
      demo={demo ? { accounts: DEMO_ACCOUNTS.map(({ email, role }) => ({ email, role })), password: DEMO_PASSWORD } : null}
    />
  );
}
