import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { listTemplates, type Lang, TOPICS } from "@/lib/problems";
import { createCaller } from "@/lib/server/root";
import { getServices } from "@/lib/server/services";
import { getSessionUser } from "@/lib/server/session";
import { createContext } from "@/lib/server/trpc";
import { PracticeSession } from "./practice-session";
import { practiceSourceOf } from "./practice-source";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("practice");
  return { title: t("title") };
}

export default async function PracticePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { template, topic, course, bank } = await searchParams;
  const query = new URLSearchParams();
  if (typeof template === "string") query.set("template", template);
  if (typeof topic === "string") query.set("topic", topic);
  if (typeof course === "string") query.set("course", course);
  if (typeof bank === "string") query.set("bank", bank);
  const user = await getSessionUser(await headers());
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(`/practice${query.size ? `?${query}` : ""}`)}`);
  const locale = (await getLocale()) as Lang;
  const templates = listTemplates();
  const skill = typeof template === "string" ? templates.find((entry) => entry.template === template) : undefined;
  const now = new Date();
  const courses = await createCaller(createContext({ db: getServices().db, user, now: () => now })).review.practiceCourses();
  const source = practiceSourceOf({ courses, course: typeof course === "string" ? course : undefined, bank: typeof bank === "string" ? bank : undefined });
  const topics = TOPICS.map((entry) => ({ id: entry.id, title: entry.title[locale], skills: templates.filter((t) => t.topic === entry.id).length }));
  return (
    <PracticeSession
      topics={topics}
      initialTopics={typeof topic === "string" && topics.some((entry) => entry.id === topic) ? [topic] : []}
      courses={courses}
      initialCourse={source.course}
      initialBank={source.bank}
      skill={skill ? { template: skill.template, title: skill.title[locale] } : null}
    />
  );
}
