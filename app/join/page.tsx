import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { JoinCodeForm } from "./join-code-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("join");
  return { title: t("title") };
}

/** The code form; anyone may type a code, signing in is asked for on the course's join page. */
export default async function JoinPage() {
  const t = await getTranslations("join");
  return (
    <div className="mx-auto max-w-lg space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-1 text-slate-600">{t("lead")}</p>
      </div>
      <JoinCodeForm />
    </div>
  );
}
