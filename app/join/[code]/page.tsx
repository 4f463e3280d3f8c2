import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { normalizeJoinCode } from "@/lib/server/courses/join-code";
import { createCaller } from "@/lib/server/root";
import { getServices } from "@/lib/server/services";
import { getSessionUser } from "@/lib/server/session";
import { createContext } from "@/lib/server/trpc";
import { JoinButton } from "./join-button";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("join");
  return { title: t("title") };
}

const box = "rounded-xl border border-slate-200 bg-white p-6 shadow-sm";

/**
 * The page a join link opens: signed-out visitors sign in (or up) and come back here; signed-in
 * ones see which course the code belongs to before they join it.
 */
export default async function JoinCoursePage({ params }: { params: Promise<{ code: string }> }) {
  const code = normalizeJoinCode(decodeURIComponent((await params).code));
  const path = `/join/${encodeURIComponent(code)}`;
  const user = await getSessionUser(await headers());
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(path)}`);
  const t = await getTranslations("join");
  const { db } = getServices();
  // No procedure names a course by its code without joining it; its title is all this reads, and
  // only a signed-in person holding the (unguessable) code sees it.
  const course = await db.course.findUnique({ where: { joinCode: code }, select: { id: true, title: true, archivedAt: true } });

  if (!course || course.archivedAt) {
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

  const caller = createCaller(createContext({ db, user }));
  const membership = (await caller.courses.list()).find((mine) => mine.id === course.id);

  return (
    <div className={`${box} mx-auto max-w-lg space-y-4`}>
      <p className="text-sm text-slate-600">{t("invited")}</p>
      <h1 className="text-2xl font-semibold" data-testid="join-course-title">
        {course.title}
      </h1>
      <p className="font-mono text-sm tracking-widest text-slate-600">{t("joinCode", { code })}</p>
      {membership ? (
        <div className="space-y-3" data-testid="already-member">
          <p className="text-slate-700">{membership.role === "owner" ? t("alreadyOwner") : t("alreadyMember")}</p>
          <Link
            href={membership.role === "owner" ? `/teach/${course.id}` : "/review"}
            className="inline-block rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700"
          >
            {membership.role === "owner" ? t("manage") : t("review")}
          </Link>
        </div>
      ) : (
        <JoinButton code={code} />
      )}
    </div>
  );
}
