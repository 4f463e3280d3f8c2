import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { createCaller } from "@/lib/server/root";
import { getServices } from "@/lib/server/services";
import { getSessionUser } from "@/lib/server/session";
import { createContext } from "@/lib/server/trpc";

export const dynamic = "force-dynamic";

const STATISTICS = new Set(["grades", "items"]);
const BANK_FORMATS = new Set(["bundle", "moodle", "gift"]);

/**
 * A course's files as downloads, through the same tRPC procedures as every other caller (so the
 * same owners-only rule): `?what=grades` or `?what=items` (CSV), or
 * `?what=bundle|moodle|gift&bank=<id>[&lang=zh-CN]` for one of the course's banks.
 */
export async function GET(request: Request, { params }: { params: Promise<{ courseId: string }> }) {
  const { courseId } = await params;
  const search = new URL(request.url).searchParams;
  const what = search.get("what") ?? "";
  const user = await getSessionUser(request.headers);
  const caller = createCaller(createContext({ db: getServices().db, user }));
  try {
    let file: { body: string; contentType: string; filename: string };
    if (STATISTICS.has(what)) {
      file = await caller.statistics.csv({ courseId, what: what as "grades" | "items" });
    } else if (BANK_FORMATS.has(what)) {
      const bankId = search.get("bank") ?? "";
      // The bank must be one of this course's, so the address says what it downloads.
      if (!(await caller.banks.list({ courseId })).some((bank) => bank.id === bankId)) {
        return Response.json({ error: "This course has no such bank." }, { status: 404 });
      }
      const lang = search.get("lang") === "zh-CN" ? "zh-CN" : "en";
      file = await caller.banks.export({ bankId, format: what as "bundle" | "moodle" | "gift", lang });
    } else {
      return Response.json({ error: "Ask for what=grades, items, bundle, moodle or gift." }, { status: 400 });
    }
    return new Response(file.body, {
      headers: { "content-type": file.contentType, "content-disposition": `attachment; filename="${file.filename}"`, "cache-control": "no-store" },
    });
  } catch (error) {
    if (error instanceof TRPCError && error.code !== "INTERNAL_SERVER_ERROR") {
      return Response.json({ error: error.message }, { status: getHTTPStatusCodeFromError(error) });
    }
    throw error;
  }
}
