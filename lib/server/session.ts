import "server-only";
import type { Lang } from "@/lib/problems";
import { getServices } from "./services";
import type { Role, SessionUser } from "./trpc";

const LANGS: readonly Lang[] = ["en", "zh-CN"];
const ROLES: readonly Role[] = ["learner", "instructor", "admin"];

/** The signed-in user of a request, from the session cookie better-auth set, or null. */
export async function getSessionUser(headers: Headers): Promise<SessionUser | null> {
  const { auth } = getServices();
  const session = await auth.api.getSession({ headers });
  if (!session) return null;
  const { id, email, name, role, locale } = session.user as typeof session.user & { role?: string; locale?: string };
  return {
    id,
    email,
    name,
    role: ROLES.includes(role as Role) ? (role as Role) : "learner",
    locale: LANGS.includes(locale as Lang) ? (locale as Lang) : "en",
  };
}
