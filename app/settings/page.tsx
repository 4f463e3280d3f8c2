import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { FRESH_SESSION_MINUTES } from "@/lib/server/account/fresh-session";
import { createCaller } from "@/lib/server/root";
import { getServices } from "@/lib/server/services";
import { getSessionUser } from "@/lib/server/session";
import { createContext } from "@/lib/server/trpc";
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
  // A password, an LMS, or both: an account an LMS made has no password to change or to confirm with.
  const { hasPassword, platforms } = await createCaller(createContext({ db: getServices().db, user })).account.signInMethods();
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
      <ChangePasswordForm hasPassword={hasPassword} platforms={platforms} />
      <YourDataSection />
      <DeleteAccountSection userId={user.id} email={user.email} hasPassword={hasPassword} platforms={platforms} freshMinutes={FRESH_SESSION_MINUTES} />
    </div>
  );
}
