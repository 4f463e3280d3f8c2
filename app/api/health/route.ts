import { checkDatabase } from "@/lib/db/client";
import { getLogger } from "@/lib/server/observability/logger";
import { getServices } from "@/lib/server/services";
import packageJson from "@/package.json";

export const dynamic = "force-dynamic";

/**
 * For load balancers and people: 200 when the database answers, 503 when it does not. Kept as it
 * was (the load bench and existing balancers use it); /api/health/live and /api/health/ready
 * separate liveness from readiness.
 */
export async function GET() {
  const version = packageJson.version;
  try {
    const { db, dbKind } = getServices();
    const ok = await checkDatabase(db);
    return Response.json({ ok, db: dbKind, version }, { status: ok ? 200 : 503 });
  } catch (error) {
    getLogger().error({ err: error }, "health check failed");
    return Response.json({ ok: false, db: null, version }, { status: 503 });
  }
}
