import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { listTemplates, TOPICS } from "@/lib/problems";
import { createCaller } from "@/lib/server/root";
import { getServices } from "@/lib/server/services";
import { getSessionUser } from "@/lib/server/session";
import { createContext } from "@/lib/server/trpc";
import type { TemplateGroup } from "./builtin-fields";
import type { Choice } from "./question-editor";

/**
 * What every page under a bank needs first: a signed-in owner of the course (others get a 404,
 * as if the bank did not exist), the course and bank titles, and a server-side API caller.
 */
export async function loadBank({ courseId, bankId, next }: { courseId: string; bankId: string; next: string }) {
  const user = await getSessionUser(await headers());
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(next)}`);
  const caller = createCaller(createContext({ db: getServices().db, user, now: () => new Date() }));
  const course = await caller.courses.get({ courseId }).catch(() => null);
  const bank = course?.role === "owner" ? course.banks.find((candidate) => candidate.id === bankId) : undefined;
  if (!course || !bank) notFound();
  const locale = (await getLocale()) as "en" | "zh-CN";
  return { caller, course, bank, locale };
}

/** The catalog for the built-in picker: topics in teaching order, titles in the page's language. */
export function templateCatalog(locale: "en" | "zh-CN"): TemplateGroup[] {
  const templates = listTemplates();
  return TOPICS.map((topic) => ({
    topic: topic.id,
    title: topic.title[locale],
    templates: templates
      .filter((template) => template.topic === topic.id)
      .map((template) => ({ template: template.template, title: template.title[locale], titles: template.title, difficulties: template.difficulties })),
  })).filter((group) => group.templates.length > 0);
}

export function topicChoices(locale: "en" | "zh-CN"): Choice[] {
  return TOPICS.map((topic) => ({ value: topic.id, label: topic.title[locale] }));
}
