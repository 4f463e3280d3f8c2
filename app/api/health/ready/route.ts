import { getServices } from "@/lib/server/services";
import { getLogger } from "@/lib/server/observability/logger";
import { checkReadiness } from "@/lib/server/startup/check-readiness";
import { isDraining, preparedMigrations } from "@/lib/server/startup/lifecycle";
import packageJson from "@/package.json";

export const dynamic = "force-dynamic";

/**
 * Readiness: send this process work? 200 when it has prepared the database, the database answers
 * and has every migration of this build; 503 with the reason otherwise, and from SIGTERM on
 * (draining), so a proxy stops routing to it before it closes.
 */
export async function GET() {
  const version = packageJson.version;
  try {
    const { db, dbKind } = getServices();
    const readiness = await checkReadiness({ db, expectedMigrations: preparedMigrations(), draining: isDraining() });
    return Response.json({ ...readiness, db: dbKind, version }, { status: readiness.ready ? 200 : 503 });
  } catch (error) {
    getLogger().error({ err: error }, "readiness check failed");
    return Response.json({ ready: false, reason: "database", db: null, version }, { status: 503 });
  }
}
