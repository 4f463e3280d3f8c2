import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { safeNextPath } from "@/lib/server/auth/safe-next-path";
import { SignUpForm } from "./sign-up-form";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("signUp");
  return { title: t("title") };
}

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const next = safeNextPath((await searchParams).next);
  return <SignUpForm next={next} locale={await getLocale()} />;
}
