import "server-only";
import { TRPCError } from "@trpc/server";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { createCaller } from "@/lib/server/root";
import { getServices } from "@/lib/server/services";
import { getSessionUser } from "@/lib/server/session";
import { createContext, type SessionUser } from "@/lib/server/trpc";

/**
 * The signed-in user of an instructor page and a server-side tRPC caller acting as them, so the
 * pages go through the same owners-only rules as the browser. Signed-out visitors are sent to
 * sign in and brought back to `path`.
 */
export async function teachCaller(path: string): Promise<{ user: SessionUser; caller: ReturnType<typeof createCaller>; isInstructor: boolean }> {
  const user = await getSessionUser(await headers());
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(path)}`);
  const caller = createCaller(createContext({ db: getServices().db, user }));
  return { user, caller, isInstructor: user.role === "instructor" || user.role === "admin" };
}

/**
 * A course that is not the user's (or an id that is not an id) is a 404 page, as the server
 * answers NOT_FOUND rather than revealing which courses exist.
 */
export async function orNotFound<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  }
}
