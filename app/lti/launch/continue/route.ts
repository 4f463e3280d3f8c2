import { env } from "@/lib/env";
import { baseUrlOf, trustedOriginsOf } from "@/lib/server/auth/origins";
import { handleContinuePost, handleContinueRequest } from "@/lib/server/lti/continue-request";
import { getLogger } from "@/lib/server/observability/logger";
import { getServices } from "@/lib/server/services";

export const dynamic = "force-dynamic";

/** After a launch: on to its target when the session cookie came back, else the new-window offer (lib/server/lti/continue-request.ts). */
export async function GET(request: Request) {
  const { db, auth } = getServices();
  return handleContinueRequest({ request, db, auth, baseUrl: baseUrlOf(env()), logger: getLogger() });
}

/** The new-window button: the one-time ticket opens a first-party session. */
export async function POST(request: Request) {
  const { db, auth } = getServices();
  const config = env();
  return handleContinuePost({ request, db, auth, baseUrl: baseUrlOf(config), trustedOrigins: trustedOriginsOf(config), logger: getLogger() });
}
