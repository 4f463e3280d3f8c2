import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getSessionUser } from "@/lib/server/session";
import { ChangePasswordForm } from "./change-password-form";
import { DeleteAccountSection } from "./delete-account-section";
import { SettingsForm } from "./settings-form";
import { YourDataSection } from "./your-data-section";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings");
  return { title: t("title") };
}

export default async function SettingsPage() {
  const user = await getSessionUser(await headers());
  if (!user) redirect(`/sign-in?next=${encodeURIComponent("/settings")}`);
  const t = await getTranslations("settings");
  const tc = await getTranslations("common");
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-1 text-slate-600">{t("lead")}</p>
        <p className="mt-1 text-sm text-slate-600" data-testid="signed-in-as">
          {tc("signedInAs", { name: user.name })} · {user.email}
        </p>
      </div>
      <SettingsForm />
      <ChangePasswordForm />
      <YourDataSection />
      <DeleteAccountSection userId={user.id} email={user.email} />
    </div>
  );
}
