import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { type Lang, listTemplates, TOPICS } from "@/lib/problems";
import { OfflinePractice } from "./offline-practice";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("practice.offline");
  return { title: t("title") };
}

/**
 * Practice that works without a connection (the service worker keeps this page and its code):
 * no sign-in is checked here, since offline there is no server to ask; syncing needs one.
 */
export default async function OfflinePracticePage() {
  const locale = (await getLocale()) as Lang;
  const templates = listTemplates();
  const topics = TOPICS.filter((topic) => templates.some((entry) => entry.topic === topic.id)).map((topic) => ({ id: topic.id, title: topic.title[locale] }));
  return <OfflinePractice topics={topics} />;
}
