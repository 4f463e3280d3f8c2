import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { env } from "@/lib/env";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/lib/server/auth/demo-accounts";
import { safeNextPath } from "@/lib/server/auth/safe-next-path";
import { SignInForm } from "./sign-in-form";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("signIn");
  return { title: t("title") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const t = await getTranslations("signIn");
  // An empty fallback: without a page asked for, the form picks one by the account's role.
  const next = safeNextPath((await searchParams).next, "") || null;
  const demo = env().STRIDE_INTERNAL_DEMO === "1";
  return (
    <SignInForm
      next={next}
      title={t("title")}
      demo={demo ? { accounts: DEMO_ACCOUNTS.map(({ email, role }) => ({ email, role })), password: DEMO_PASSWORD } : null}
    />
  );
}
