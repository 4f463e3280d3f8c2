import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { NotInstructor } from "../_components/not-instructor";
import { card } from "../_components/styles";
import { orNotFound, teachCaller } from "../_components/teach-caller";
import { AddOwnerForm } from "./add-owner-form";
import { BankList } from "./bank-list";
import { CourseSettingsForm } from "./course-settings-form";
import { ImportBundleForm } from "./import-bundle-form";
import { JoinCodePanel } from "./join-code-panel";
import { LeaveCourseButton } from "./leave-course-button";
import { MembersTable } from "./members-table";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("teach");
  return { title: t("title") };
}

/** One course for its instructors: join code, settings, co-owners, members, banks and their files. */
export default async function CoursePage({ params }: { params: Promise<{ courseId: string }> }) {
  const { courseId } = await params;
  const { caller, isInstructor } = await teachCaller(`/teach/${courseId}`);
  if (!isInstructor) return <NotInstructor />;
  const t = await getTranslations("teach.course");
  const tAssessments = await getTranslations("teachAssessments");
  const course = await orNotFound(caller.courses.get({ courseId }));
  if (course.role !== "owner" || !course.joinCode || !course.joinPath || !course.members) {
    return <p className={card}>{t("notOwner")}</p>;
  }
  const banks = await caller.banks.list({ courseId });
  const lang = course.lang === "zh-CN" ? "zh-CN" : "en";

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <Link href="/teach" className="text-sm text-brand-700 hover:underline">
            <span aria-hidden="true">← </span>
            {t("back")}
          </Link>
          <h1 className="mt-1 text-2xl font-semibold" data-testid="course-title">
            {course.title}
          </h1>
          <p className="mt-1 text-sm text-slate-600" data-testid="course-time-zone">
            {t("deadlineZone", { zone: course.timeZone })}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Link href={`/teach/${courseId}/assessments`} className="rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700" data-testid="assessments-link">
            {tAssessments("courseLink")}
          </Link>
          <Link href={`/teach/${courseId}/gradebook`} className="rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700" data-testid="gradebook-link">
            {(await getTranslations("gradebook"))("title")}
          </Link>
          <Link href={`/teach/${courseId}/stats`} className="rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700" data-testid="stats-link">
            {t("statistics")}
          </Link>
        </div>
      </div>

      <JoinCodePanel courseId={courseId} joinCode={course.joinCode} joinPath={course.joinPath} />
      <BankList courseId={courseId} banks={banks} courseLang={lang} />
      <ImportBundleForm courseId={courseId} />
      <CourseSettingsForm course={course} />

      <section className="rounded-xl border border-slate-200 bg-white shadow-sm" aria-labelledby="members-title">
        <h2 id="members-title" className="border-b border-slate-100 px-6 py-4 text-lg font-semibold">
          {t("members")}
        </h2>
        <MembersTable members={course.members} />
        <div className="border-t border-slate-100 px-6 py-4">
          <h3 className="font-semibold">{t("owners")}</h3>
          <AddOwnerForm courseId={courseId} />
        </div>
        <div className="border-t border-slate-100 px-6 py-4">
          <LeaveCourseButton courseId={courseId} otherOwners={course.members.filter((member) => member.role === "owner").length - 1} />
        </div>
      </section>
    </div>
  );
}
