import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { EngineCheck } from "./engine-check";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("engine");
  return { title: t("title") };
}

/** "Engine check": the browser's tfjs backend against the server's, on the same seeded ops. */
export default async function EnginePage() {
  const t = await getTranslations("engine");
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="text-slate-600">{t("intro")}</p>
      <EngineCheck />
    </div>
  );
}
