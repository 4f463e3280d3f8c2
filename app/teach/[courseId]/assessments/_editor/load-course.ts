import "server-only";
import { notFound } from "next/navigation";
import { getLocale } from "next-intl/server";
import { orNotFound, teachCaller } from "../../../_components/teach-caller";
import { templateCatalog } from "../../banks/[bankId]/_editor/load-bank";
import { questionTitle } from "../../banks/[bankId]/_editor/question-title";
import type { PoolBank, SkillGroup } from "./pool-picker";

/**
 * What every assessments page needs first: a signed-in owner of the course (anyone else gets a
 * 404, as the server answers for courses that are not theirs), the course, and an API caller.
 * `isInstructor` false means a learner's account, which the pages answer with NotInstructor.
 */
export async function loadCourse({ courseId, next }: { courseId: string; next: string }) {
  const { caller, isInstructor } = await teachCaller(next);
  if (!isInstructor) return { isInstructor: false as const };
  const course = await orNotFound(caller.courses.get({ courseId }));
  if (course.role !== "owner") notFound();
  const locale = (await getLocale()) === "zh-CN" ? ("zh-CN" as const) : ("en" as const);
  return { isInstructor: true as const, caller, course, locale };
}

/**
 * What a zone can draw from: each bank with its published questions (drafts cannot be drawn), and
 * the built-in skills by topic. Titles in the page's language, English kept for searching.
 */
export async function loadPoolChoices({ caller, courseId, locale }: { caller: Awaited<ReturnType<typeof teachCaller>>["caller"]; courseId: string; locale: "en" | "zh-CN" }) {
  const bankRows = await caller.banks.list({ courseId });
  const banks: PoolBank[] = await Promise.all(
    bankRows.map(async (bank) => {
      const questions = await caller.questions.list({ bankId: bank.id });
      return {
        id: bank.id,
        title: bank.title,
        questions: questions.filter((question) => question.publishedVersion !== null && !question.archived).map((question) => ({ id: question.id, title: questionTitle(question, locale) })),
      };
    }),
  );
  const skills: SkillGroup[] = templateCatalog(locale).map((group) => ({
    topic: group.topic,
    title: group.title,
    templates: group.templates.map((entry) => ({ template: entry.template, title: entry.title, titleEn: entry.titles.en })),
  }));
  return { banks, skills };
}
