import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getLogger } from "@/lib/server/observability/logger";
import { withMathTypeset } from "@/lib/server/reviews/learner-payload";
import { createCaller } from "@/lib/server/root";
import { getServices } from "@/lib/server/services";
import { getSessionUser } from "@/lib/server/session";
import { createContext, type SessionUser } from "@/lib/server/trpc";
import { type IssuedNext, ReviewSession } from "./review-session";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("review");
  return { title: t("title") };
}

/**
 * The learner's first problem, issued while the page is made, so it arrives with the page and is
 * what the learner sees first (the largest paint), not a spinner waiting for the page's code and
 * then for a request. Issuing is idempotent (one open variant a learner), so a reload shows the
 * same problem. Where it cannot be issued here, the page asks from the browser as before, and
 * shows whatever the server refuses there.
 */
async function firstProblem(user: SessionUser): Promise<IssuedNext | null> {
  try {
    const issued = await createCaller(createContext({ db: getServices().db, user })).review.next();
    // review.next leaves formulas to the browser; the page's own problem paints typeset.
    return issued.status === "issued" ? { ...issued, problem: withMathTypeset(issued.problem) } : issued;
  } catch (error) {
    getLogger().warn({ err: error, userId: user.id }, "the review page could not issue its first problem; the browser asks again");
    return null;
  }
}

export default async function ReviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { skill } = await searchParams;
  // Practising one skill moved to /practice; old links keep working.
  if (typeof skill === "string") redirect(`/practice?template=${encodeURIComponent(skill)}`);
  const user = await getSessionUser(await headers());
  if (!user) redirect(`/sign-in?next=${encodeURIComponent("/review")}`);
  return <ReviewSession first={await firstProblem(user)} />;
}
