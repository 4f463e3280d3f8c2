import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { createCaller } from "@/lib/server/root";
import { getServices } from "@/lib/server/services";
import { getSessionUser } from "@/lib/server/session";
import { createContext, type SessionUser } from "@/lib/server/trpc";

/**
 * The signed-in user of a learner's course page and a server-side tRPC caller acting as them
 * (the same membership rules as the browser's calls), with the instant the page was made: the
 * countdowns start from it. Signed-out visitors sign in and come back to `path`.
 */
export async function learnerCaller(path: string): Promise<{ user: SessionUser; caller: ReturnType<typeof createCaller>; now: Date }> {
  const user = await getSessionUser(await headers());
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(path)}`);
  const now = new Date();
  return { user, caller: createCaller(createContext({ db: getServices().db, user, now: () => now })), now };
}

/** An assessment's title in the page's language: the Chinese one when it has one. */
export function assessmentTitle(assessment: { titleEn: string; titleZh: string | null }, locale: string): string {
  return locale === "zh-CN" && assessment.titleZh ? assessment.titleZh : assessment.titleEn;
}
