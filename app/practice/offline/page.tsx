import type { Metadata } from "next";
import { headers } from "next/headers";
import { getLocale, getTranslations } from "next-intl/server";
import { type Lang, listTemplates, TOPICS } from "@/lib/problems";
import { getSessionUser } from "@/lib/server/session";
import { OfflinePractice } from "./offline-practice";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("practice.offline");
  return { title: t("title") };
}

/**
 * Practice that works without a connection (the service worker keeps this page and its code):
 * no sign-in is required, since offline there is no server to ask; syncing needs one, and each
 * answer remembers who was signed in, so a shared computer keeps each account's answers apart.
 */
export default async function OfflinePracticePage() {
  const locale = (await getLocale()) as Lang;
  const user = await getSessionUser(await headers());
  const templates = listTemplates();
  const topics = TOPICS.filter((topic) => templates.some((entry) => entry.topic === topic.id)).map((topic) => ({ id: topic.id, title: topic.title[locale] }));
  return <OfflinePractice topics={topics} owner={user?.id ?? null} />;
}
