import "server-only";
import { createTranslator } from "use-intl";
import type { PrismaClient } from "@/lib/db";
import type { Locale } from "@/lib/i18n/locales";
import { messagesByLocale } from "@/lib/i18n/messages";
import type { DeepLinkChoice } from "./deep-link-content-items";

/**
 * What an owner of `courseId` can place in the LMS, in the picker's order: the course's published
 * assessments (with their points: the sum of each zone's draw × points), the practice of each of
 * its banks that has a published question, and the daily review. Titles and texts are in the
 * instructor's language (they become the LMS's activity names).
 */
export async function listDeepLinkChoices({ db, courseId, locale }: { db: PrismaClient; courseId: string; locale: Locale }): Promise<DeepLinkChoice[]> {
  const t = createTranslator({ locale, messages: messagesByLocale[locale], namespace: "ltiDeepLink" });
  const [assessments, banks] = await Promise.all([
    db.assessment.findMany({
      where: { courseId, archivedAt: null, publishedAt: { not: null } },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      select: { id: true, titleEn: true, titleZh: true, kind: true, zones: { select: { draw: true, points: true } } },
    }),
    db.bank.findMany({
      where: { courseId, questions: { some: { archivedAt: null, publishedVersion: { not: null } } } },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      select: { id: true, title: true },
    }),
  ]);
  const choices: DeepLinkChoice[] = [];
  for (const assessment of assessments) {
    const points = assessment.zones.reduce((sum, zone) => sum + zone.draw * zone.points, 0);
    const kind = assessment.kind === "exam" ? "exam" : "homework";
    choices.push({
      kind: "assessment",
      value: `assessment:${assessment.id}`,
      targetId: assessment.id,
      title: (locale === "zh-CN" ? assessment.titleZh?.trim() : undefined) || assessment.titleEn,
      text: t("assessmentText", { kind: t(`kinds.${kind}`), points }),
      points,
      tag: kind,
    });
  }
  for (const bank of banks) {
    choices.push({ kind: "practice", value: `practice:${bank.id}`, targetId: bank.id, title: t("practiceTitle", { bank: bank.title }), text: t("practiceText", { bank: bank.title }) });
  }
  choices.push({ kind: "review", value: "review", targetId: null, title: t("reviewTitle"), text: t("reviewText") });
  return choices;
}
