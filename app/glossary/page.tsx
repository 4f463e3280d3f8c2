import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { glossary, glossaryTopics } from "@/lib/problems/glossary";
import { GlossaryTable, type GlossaryTopicRows } from "./glossary-table";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("glossary");
  return { title: t("title") };
}

/** The books' terms in both languages, by chapter, from the same glossary the problems use. */
export default async function GlossaryPage() {
  const t = await getTranslations("glossary");
  const locale = (await getLocale()) as "en" | "zh-CN";
  const topics: GlossaryTopicRows[] = glossaryTopics.map((topic) => ({
    id: topic.id,
    title: topic.title[locale],
    rows: topic.terms.map((key) => {
      const entry = glossary[key];
      return { key, en: entry.en, zh: entry["zh-CN"], alsoKnownAs: "alsoKnownAs" in entry ? [...entry.alsoKnownAs] : [] };
    }),
  }));

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="text-slate-600">{t("intro")}</p>
      <GlossaryTable topics={topics} />
    </div>
  );
}
