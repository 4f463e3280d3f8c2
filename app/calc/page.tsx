import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CalcTabs, type CalcTab } from "./calc-tabs";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("calc");
  return { title: t("title") };
}

/**
 * Self-check calculators, open to everyone: the network calculator (the engine's `analyze`) and
 * the matrix sandbox (its `run`, on the browser's tfjs backend). Only this page's client
 * components load TensorFlow.js; the layout and shared components never import the engine.
 */
export default async function CalcPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const t = await getTranslations("calc");
  const { tab } = await searchParams;
  const initial: CalcTab = tab === "sandbox" ? "sandbox" : "network";
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-2 text-slate-600">{t("intro")}</p>
      </div>
      <CalcTabs initial={initial} />
    </div>
  );
}
