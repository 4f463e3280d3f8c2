import { TRPCError } from "@trpc/server";
import { getServices } from "@/lib/server/services";
import { createCaller } from "@/lib/server/root";
import { getSessionUser } from "@/lib/server/session";
import { createContext } from "@/lib/server/trpc";

export const dynamic = "force-dynamic";

/**
 * The signed-in learner's history as a download: `?format=csv` (the default) or `?format=json`.
 * It goes through the same tRPC procedure as every other caller, so it exports the session's own
 * history only; without a session it answers 401.
 */
export async function GET(request: Request) {
  const format = new URL(request.url).searchParams.get("format") === "json" ? "json" : "csv";
  const user = await getSessionUser(request.headers);
  const caller = createCaller(createContext({ db: getServices().db, user }));
  try {
    const file = await caller.progress.export({ format });
    return new Response(file.body, {
      headers: {
        "content-type": file.contentType,
        "content-disposition": `attachment; filename="${file.filename}"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof TRPCError && error.code === "UNAUTHORIZED") {
      return Response.json({ error: "Sign in to export your history." }, { status: 401 });
    }
    throw error;
  }
}
