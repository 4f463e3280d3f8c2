import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ResetPasswordForm } from "./reset-password-form";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("password");
  return { title: t("resetTitle") };
}

/** Where a reset link lands (better-auth checks the token and adds `?token=`, or `?error=INVALID_TOKEN`). */
export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { token, error } = await searchParams;
  const usable = typeof token === "string" && token !== "" && error === undefined ? token : null;
  return <ResetPasswordForm token={usable} />;
}
