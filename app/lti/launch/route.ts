import { env } from "@/lib/env";
import { baseUrlOf } from "@/lib/server/auth/origins";
import { handleLaunchRequest } from "@/lib/server/lti/launch-request";
import { getLogger } from "@/lib/server/observability/logger";
import { getServices } from "@/lib/server/services";

export const dynamic = "force-dynamic";

/** The platform's id_token form post (lib/server/lti/launch-request.ts). */
export async function POST(request: Request) {
  const { db, auth } = getServices();
  return handleLaunchRequest({ request, db, auth, baseUrl: baseUrlOf(env()), logger: getLogger() });
}
