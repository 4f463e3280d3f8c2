import { checkDatabase } from "@/lib/db/client";
import { getServices } from "@/lib/server/services";
import packageJson from "@/package.json";

export const dynamic = "force-dynamic";

/** For load balancers and people: 200 when the database answers, 503 when it does not. */
export async function GET() {
  const version = packageJson.version;
  try {
    const { db, dbKind } = getServices();
    const ok = await checkDatabase(db);
    return Response.json({ ok, db: dbKind, version }, { status: ok ? 200 : 503 });
  } catch (error) {
    console.error("health check failed:", error);
    return Response.json({ ok: false, db: null, version }, { status: 503 });
  }
}
