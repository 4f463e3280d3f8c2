import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { getLocale, getTranslations } from "next-intl/server";
import { orNotFound } from "../../../../teach/_components/teach-caller";
import { assessmentTitle, learnerCaller } from "../../../_components/learner-caller";
import { TakeAssessment } from "./take-assessment";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ courseId: string; assessmentId: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const t = await getTranslations("takeAssessment");
  const { courseId, assessmentId } = await params;
  const { caller } = await learnerCaller(`/courses/${courseId}/assessments/${assessmentId}`);
  const found = await caller.assessments.attempt({ assessmentId }).catch(() => null);
  return { title: found ? assessmentTitle(found.assessment, await getLocale()) : t("title") };
}

/**
 * A learner's take page. The server checks here that the assessment is one of theirs (a 404
 * otherwise, as the API answers, and a note for the course's instructors); the attempt itself is
 * read and answered from the browser.
 */
export default async function TakeAssessmentPage({ params }: Params) {
  const { courseId, assessmentId } = await params;
  const { caller } = await learnerCaller(`/courses/${courseId}/assessments/${assessmentId}`);
  const t = await getTranslations("takeAssessment");
  try {
    const found = await orNotFound(caller.assessments.attempt({ assessmentId }));
    // An assessment of another of the learner's courses under this course's address.
    if (found.assessment.courseId !== courseId) notFound();
  } catch (error) {
    if (error instanceof TRPCError && error.code === "FORBIDDEN") return <p className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">{t("notLearner")}</p>;
    throw error;
  }
  return <TakeAssessment courseId={courseId} assessmentId={assessmentId} />;
}
