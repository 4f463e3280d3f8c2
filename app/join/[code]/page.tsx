import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { env } from "@/lib/env";
import { normalizeJoinCode } from "@/lib/server/courses/join-code";
import { JOIN_PREVIEW_COST, previewCourse } from "@/lib/server/courses/preview-course";
import { AppError } from "@/lib/server/errors";
import { clientIpOf } from "@/lib/server/http/request-identity";
import { requestLimiterFor } from "@/lib/server/rate-limit/request-limiter";
import { getServices } from "@/lib/server/services";
import { getSessionUser } from "@/lib/server/session";
import { JoinButton } from "./join-button";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("join");
  return { title: t("title") };
}

const box = "rounded-xl border border-slate-200 bg-white p-6 shadow-sm";

/**
 * The page a join link opens: signed-out visitors sign in (or up) and come back here; signed-in
 * ones see which course the code belongs to (title, owners, how many questions) before they join
 * it. Each lookup is charged to the visitor's rate limits like a costly API call, so the page is
 * no faster a way to try codes than the API.
 */
export default async function JoinCoursePage({ params }: { params: Promise<{ code: string }> }) {
  const code = normalizeJoinCode(decodeURIComponent((await params).code));
  const path = `/join/${encodeURIComponent(code)}`;
  const requestHeaders = await headers();
  const user = await getSessionUser(requestHeaders);
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(path)}`);
  const t = await getTranslations("join");
  const format = await getFormatter();
  const { db } = getServices();
  const config = env();
  try {
    await requestLimiterFor(db, config).charge({ userId: user.id, ip: clientIpOf(requestHeaders, config.STRIDE_TRUSTED_PROXY_HOPS), cost: JOIN_PREVIEW_COST });
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== "RATE_LIMITED") throw error;
    return (
      <div className={`${box} mx-auto max-w-lg space-y-3`} data-testid="join-rate-limited">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p role="alert" className="text-slate-700">
          {t("tooMany", { seconds: error.retryAfterSeconds ?? 60 })}
        </p>
      </div>
    );
  }
  const course = await previewCourse({ db, userId: user.id, code });

  if (!course) {
    return (
      <div className={`${box} mx-auto max-w-lg space-y-3`} data-testid="no-course">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p role="alert" className="text-slate-700">
          {t("noCourse", { code })}
        </p>
        <Link href="/join" className="inline-block font-semibold text-brand-700 hover:underline">
          {t("tryAnother")}
        </Link>
      </div>
    );
  }

  return (
    <div className={`${box} mx-auto max-w-lg space-y-4`}>
      <p className="text-sm text-slate-600">{t("invited")}</p>
      <h1 className="text-2xl font-semibold" data-testid="join-course-title">
        {course.title}
      </h1>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm" data-testid="join-course-facts">
        <dt className="text-slate-600">{t("owners")}</dt>
        <dd className="text-slate-900" data-testid="join-course-owners">
          {format.list(course.owners, { type: "conjunction" })}
        </dd>
        <dt className="text-slate-600">{t("questions")}</dt>
        <dd className="text-slate-900" data-testid="join-course-questions">
          {t("questionCount", { count: course.questionCount })}
        </dd>
        <dt className="text-slate-600">{t("timeZone")}</dt>
        <dd className="text-slate-900" data-testid="join-course-time-zone">
          {course.timeZone}
        </dd>
        <dt className="text-slate-600">{t("code")}</dt>
        <dd className="font-mono tracking-widest text-slate-900">{code}</dd>
      </dl>
      {course.role ? (
        <div className="space-y-3" data-testid="already-member">
          <p className="text-slate-700">{course.role === "owner" ? t("alreadyOwner") : t("alreadyMember")}</p>
          <Link
            href={course.role === "owner" ? `/teach/${course.id}` : `/courses/${course.id}`}
            className="inline-block rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700"
          >
            {course.role === "owner" ? t("manage") : t("course")}
          </Link>
        </div>
      ) : (
        <JoinButton code={code} />
      )}
    </div>
  );
}
